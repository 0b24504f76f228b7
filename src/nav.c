/* nav.c -- navigation as a pure state machine (see nav.h). */
#include "system.h"
#include "nav.h"
#include "text.h"

/* The first line showing BLOCK, or the first after it when the layout
   has no such block (the other language may have fewer), or the last
   line.  LAYOUT has at least one line. */
static size_t
first_line_of (const struct layout *layout, unsigned block)
{
  for (size_t i = 0; i < layout->nlines; i++)
    if (layout->lines[i].block >= block)
      return i;
  return layout->nlines - 1;
}

/* The largest first line that still fills the body: no scrolling past
   the end. */
static size_t
max_top (const struct layout *layout, size_t height)
{
  if (!layout || layout->nlines <= height)
    return 0;
  return layout->nlines - height;
}

/* The first body line to show (see nav.h). */
size_t
nav_top (const struct nav_state *s, const struct layout *layout, size_t height)
{
  if (!layout || layout->nlines == 0)
    return 0;
  size_t first = first_line_of (layout, s->anchor.block);
  unsigned block = layout->lines[first].block;
  /* The offset stays inside its block: when the block got shorter (a
     wider screen, the other language) the top is its last line. */
  size_t last = first;
  while (last + 1 < layout->nlines && layout->lines[last + 1].block == block)
    last++;
  size_t top = first + s->anchor.offset;
  if (top > last)
    top = last;
  size_t limit = max_top (layout, height);
  return top < limit ? top : limit;
}

/* The focused link, if LAYOUT has it. */
int
nav_focus (const struct nav_state *s, const struct layout *layout)
{
  if (!layout || s->focus < 0 || (size_t) s->focus >= layout->nlinks)
    return -1;
  return s->focus;
}

/* Make line TOP of LAYOUT the anchor. */
static void
set_top (struct nav_state *s, const struct layout *layout, size_t top)
{
  if (!layout || layout->nlines == 0)
    {
      s->anchor.block = 0;
      s->anchor.offset = 0;
      return;
    }
  if (top >= layout->nlines)
    top = layout->nlines - 1;
  unsigned block = layout->lines[top].block;
  size_t first = top;
  while (first > 0 && layout->lines[first - 1].block == block)
    first--;
  s->anchor.block = block;
  s->anchor.offset = top - first;
}

/* Whether link I of LAYOUT starts inside the rows [TOP, TOP+HEIGHT). */
static bool
link_visible (const struct layout *layout, size_t i, size_t top, size_t height)
{
  size_t line = layout->links[i].first_line;
  return line >= top && line < top + height;
}

/* Scroll the page by DELTA lines.  The focus follows to a link still on
   screen, so Enter never follows a link the reader cannot see. */
static unsigned
scroll_page (struct nav_state *s, const struct nav_env *env, long delta)
{
  const struct layout *layout = env->layout;
  if (!layout)
    return 0;
  size_t top = nav_top (s, layout, env->height);
  size_t limit = max_top (layout, env->height);
  size_t want;
  if (delta < 0)
    want = (size_t) -delta > top ? 0 : top - (size_t) -delta;
  else
    want = (size_t) delta > limit - top ? limit : top + (size_t) delta;
  if (want == top)
    return 0;
  set_top (s, layout, want);

  int focus = nav_focus (s, layout);
  if (focus >= 0 && !link_visible (layout, (size_t) focus, want, env->height))
    {
      s->focus = -1;
      if (delta > 0)
        {
          for (size_t i = 0; i < layout->nlinks; i++)
            if (link_visible (layout, i, want, env->height))
              {
                s->focus = (int) i;
                break;
              }
        }
      else
        for (size_t i = layout->nlinks; i-- > 0;)
          if (link_visible (layout, i, want, env->height))
            {
              s->focus = (int) i;
              break;
            }
    }
  return NAV_REDRAW;
}

/* Scroll so that the whole of link I shows (its first line when it is
   taller than the body). */
static void
reveal_link (struct nav_state *s, const struct nav_env *env, size_t i)
{
  const struct layout *layout = env->layout;
  size_t top = nav_top (s, layout, env->height);
  size_t first = layout->links[i].first_line;
  size_t last = layout->links[i].last_line;
  size_t height = env->height ? env->height : 1;
  if (last >= top + height)
    top = last - height + 1;
  if (first < top)
    top = first;
  if (top > max_top (layout, env->height))
    top = max_top (layout, env->height);
  set_top (s, layout, top);
}

/* Arrow keys: the next (DIR > 0) or previous link that starts on screen,
   else scroll a line, so the arrows both move between links and read on
   through text without links; they stop at either end. */
static unsigned
arrow (struct nav_state *s, const struct nav_env *env, int dir)
{
  const struct layout *layout = env->layout;
  if (!layout)
    return 0;
  size_t top = nav_top (s, layout, env->height);
  int focus = nav_focus (s, layout);
  int n = (int) layout->nlinks;
  for (int i = focus < 0 ? (dir > 0 ? 0 : n - 1) : focus + dir;
       i >= 0 && i < n; i += dir)
    {
      if (link_visible (layout, (size_t) i, top, env->height))
        {
          s->focus = i;
          reveal_link (s, env, (size_t) i);
          return NAV_REDRAW;
        }
      /* Links are in reading order: past the screen, stop looking. */
      size_t line = layout->links[i].first_line;
      if ((dir > 0 && line >= top + env->height) || (dir < 0 && line < top))
        break;
    }
  return scroll_page (s, env, dir);
}

/* Tab and Shift-Tab: the next or previous link, round the page. */
static unsigned
tab (struct nav_state *s, const struct nav_env *env, int dir)
{
  const struct layout *layout = env->layout;
  if (!layout || layout->nlinks == 0)
    return 0;
  int n = (int) layout->nlinks;
  int focus = nav_focus (s, layout);
  if (focus < 0)
    focus = dir > 0 ? 0 : n - 1;
  else
    focus = ((focus + dir) % n + n) % n;
  s->focus = focus;
  reveal_link (s, env, (size_t) focus);
  return NAV_REDRAW;
}

/* Remember where we are, for Back; past NAV_HISTORY_MAX places, the
   oldest one goes. */
static void
push_place (struct nav_state *s)
{
  if (s->nhistory >= NAV_HISTORY_MAX)
    {
      free (s->history[0].page);
      memmove (s->history, s->history + 1,
               (s->nhistory - 1) * sizeof *s->history);
      s->nhistory--;
    }
  XGROW (s->history, s->history_cap, s->nhistory + 1);
  struct nav_place *p = &s->history[s->nhistory++];
  /* The help is no place of its own: Back returns to what it was
     opened over. */
  p->screen = s->screen == NAV_SCREEN_HELP ? s->help_from : s->screen;
  p->page = xstrdup (s->page);
  p->anchor = s->anchor;
  p->focus = s->focus;
}

/* Show page ID from its top, leaving the current one in the history.
   Nothing happens for a page the site does not have. */
static unsigned
go_to (struct nav_state *s, const struct nav_env *env, const char *id)
{
  if (!id || (env->site && !site_find (env->site, id)))
    return 0;
  bool same = strcmp (id, s->page) == 0;
  if (!same)
    {
      push_place (s);
      free (s->page);
      s->page = xstrdup (id);
    }
  else if (s->screen == NAV_SCREEN_PAGE && s->anchor.block == 0
           && s->anchor.offset == 0 && s->focus < 0)
    return 0;
  s->screen = NAV_SCREEN_PAGE;
  s->anchor.block = 0;
  s->anchor.offset = 0;
  s->focus = -1;
  return NAV_RELAYOUT | NAV_REDRAW;
}

/* Follow link I of the page: internal links open their page; an
   external link only takes the focus (its address is on screen, and a
   kiosk has no browser). */
static unsigned
follow (struct nav_state *s, const struct nav_env *env, long i)
{
  const struct layout *layout = env->layout;
  if (!layout || i < 0 || (size_t) i >= layout->nlinks)
    return 0;
  const struct layout_link *link = &layout->links[i];
  if (!link->internal)
    {
      if (s->focus == (int) i)
        return 0;
      s->focus = (int) i;
      return NAV_REDRAW;
    }
  s->focus = (int) i;
  unsigned r = go_to (s, env, link->target);
  return r ? r : NAV_REDRAW;
}

/* Back: close the help (back to the search it was opened from, if so) or
   the search screen; on a page, return to the
   previous place in the history (a page, or the search results it was
   opened from). */
static unsigned
back (struct nav_state *s)
{
  if (s->screen == NAV_SCREEN_HELP && s->help_from == NAV_SCREEN_SEARCH)
    {
      s->screen = NAV_SCREEN_SEARCH;
      return NAV_RELAYOUT | NAV_REQUERY | NAV_REDRAW;
    }
  if (s->screen != NAV_SCREEN_PAGE)
    {
      s->screen = NAV_SCREEN_PAGE;
      return NAV_RELAYOUT | NAV_REDRAW;
    }
  if (s->nhistory == 0)
    return 0;
  struct nav_place *p = &s->history[--s->nhistory];
  free (s->page);
  s->page = p->page;
  s->anchor = p->anchor;
  s->focus = p->focus;
  s->screen = p->screen;
  if (s->screen == NAV_SCREEN_SEARCH)
    {
      s->selected = -1;
      s->results_top = 0;
      return NAV_RELAYOUT | NAV_REQUERY | NAV_REDRAW;
    }
  return NAV_RELAYOUT | NAV_REDRAW;
}

/* Show LANG (or both languages side by side when LANG is NAV_LANG_BOTH
   and the screen is wide enough).  The anchor and the focus stay: the
   same block stays at the top. */
static unsigned
set_language (struct nav_state *s, const struct nav_env *env, int lang)
{
  bool both = lang == NAV_LANG_BOTH;
  if (both && !env->wide)
    return 0;
  if (lang < 0 || lang > NAV_LANG_BOTH)
    return 0;
  if (both == s->both && (both || s->lang == (enum lang) lang))
    return 0;
  s->both = both;
  if (!both)
    s->lang = (enum lang) lang;
  return NAV_RELAYOUT | NAV_REDRAW;
}

/* The language button and key: FR, VI, then (when wide) FR|VI, then FR
   again. */
static unsigned
next_language (struct nav_state *s, const struct nav_env *env)
{
  if (s->both)
    return set_language (s, env, LANG_FR);
  if (s->lang == LANG_FR)
    return set_language (s, env, LANG_VI);
  return set_language (s, env, env->wide ? NAV_LANG_BOTH : LANG_FR);
}

/* Scroll the help text by DELTA lines. */
static unsigned
scroll_help (struct nav_state *s, const struct nav_env *env, long delta)
{
  size_t limit = max_top (env->layout, env->height);
  size_t top = s->help_top < limit ? s->help_top : limit;
  size_t want;
  if (delta < 0)
    want = (size_t) -delta > top ? 0 : top - (size_t) -delta;
  else
    want = (size_t) delta > limit - top ? limit : top + (size_t) delta;
  if (want == s->help_top)
    return 0;
  s->help_top = want;
  return NAV_REDRAW;
}

/* How many results show at once: at least one, as for the selection,
   so that the results never scroll past the last one. */
static size_t
results_shown (const struct nav_env *env)
{
  return env->results_height ? env->results_height : 1;
}

/* The largest first result that still fills the results' rows. */
static size_t
results_limit (const struct nav_env *env)
{
  size_t h = results_shown (env);
  return env->nresults > h ? env->nresults - h : 0;
}

/* Scroll the search results by DELTA rows of results. */
static unsigned
scroll_results (struct nav_state *s, const struct nav_env *env, long delta)
{
  size_t limit = results_limit (env);
  size_t top = s->results_top < limit ? s->results_top : limit;
  size_t want;
  if (delta < 0)
    want = (size_t) -delta > top ? 0 : top - (size_t) -delta;
  else
    want = (size_t) delta > limit - top ? limit : top + (size_t) delta;
  if (want == s->results_top)
    return 0;
  s->results_top = want;
  if (s->selected >= 0
      && ((size_t) s->selected < want
          || (size_t) s->selected >= want + results_shown (env)))
    s->selected = -1;
  return NAV_REDRAW;
}

/* After a resize: the selected result still in view, and no rows left
   empty below the last result that earlier ones could fill. */
static void
fit_results (struct nav_state *s, const struct nav_env *env)
{
  size_t h = results_shown (env);
  if (s->selected >= 0 && (size_t) s->selected >= s->results_top + h)
    s->results_top = (size_t) s->selected - h + 1;
  if (s->results_top > results_limit (env))
    s->results_top = results_limit (env);
}

/* Move the selected search result by DIR, keeping it on screen. */
static unsigned
select_result (struct nav_state *s, const struct nav_env *env, int dir)
{
  if (env->nresults == 0)
    return 0;
  long sel = s->selected < 0 ? (dir > 0 ? 0 : (long) env->nresults - 1)
                             : s->selected + dir;
  if (sel < 0 || (size_t) sel >= env->nresults)
    return 0;
  s->selected = (int) sel;
  size_t h = results_shown (env);
  if ((size_t) sel < s->results_top)
    s->results_top = (size_t) sel;
  else if ((size_t) sel >= s->results_top + h)
    s->results_top = (size_t) sel - h + 1;
  return NAV_REDRAW;
}

/* Open search result I. */
static unsigned
open_result (struct nav_state *s, const struct nav_env *env, long i)
{
  if (i < 0 || (size_t) i >= env->nresults)
    return 0;
  unsigned r = go_to (s, env, env->results[i]);
  if (!r && strcmp (env->results[i], s->page) == 0)
    {
      /* The result is the page under the search screen. */
      s->screen = NAV_SCREEN_PAGE;
      r = NAV_RELAYOUT | NAV_REDRAW;
    }
  return r;
}

/* Add the UTF-8 character TEXT to the query, if it fits. */
static unsigned
type_text (struct nav_state *s, const char *text)
{
  size_t len = strlen (s->query), add = strnlen (text, 7);
  if (add == 0 || len + add > NAV_QUERY_MAX)
    return 0;
  memcpy (s->query + len, text, add);
  s->query[len + add] = '\0';
  s->selected = -1;
  s->results_top = 0;
  return NAV_REQUERY | NAV_REDRAW;
}

/* Remove the query's last character: its last grapheme cluster. */
static unsigned
erase_char (struct nav_state *s)
{
  size_t len = strlen (s->query);
  if (len == 0)
    return 0;
  /* The last grapheme cluster: a letter typed as a base and a
     combining accent is one character on screen, and goes at once. */
  size_t last = 0;
  for (size_t i = 0; i < len; i += text_grapheme_len (s->query + i, len - i))
    last = i;
  s->query[last] = '\0';
  s->selected = -1;
  s->results_top = 0;
  return NAV_REQUERY | NAV_REDRAW;
}

/* Events on the page screen. */
static unsigned
page_event (struct nav_state *s, const struct nav_event *ev,
            const struct nav_env *env)
{
  long page = env->height > 1 ? (long) env->height - 1 : 1;
  switch (ev->action)
    {
    case NAV_LINE_UP:
      return scroll_page (s, env, -1);
    case NAV_LINE_DOWN:
      return scroll_page (s, env, 1);
    case NAV_PAGE_UP:
      return scroll_page (s, env, -page);
    case NAV_PAGE_DOWN:
      return scroll_page (s, env, page);
    case NAV_SCROLL_BY:
      return scroll_page (s, env, ev->arg);
    case NAV_TOP:
      return scroll_page (s, env, LONG_MIN / 2);
    case NAV_BOTTOM:
      return scroll_page (s, env, LONG_MAX / 2);
    case NAV_UP:
      return arrow (s, env, -1);
    case NAV_DOWN:
      return arrow (s, env, 1);
    case NAV_FOCUS_NEXT:
      return tab (s, env, 1);
    case NAV_FOCUS_PREV:
      return tab (s, env, -1);
    case NAV_ACTIVATE:
      return follow (s, env, nav_focus (s, env->layout));
    case NAV_FOLLOW:
      return follow (s, env, ev->arg);
    default:
      return 0;
    }
}

/* Events on the search screen. */
static unsigned
search_event (struct nav_state *s, const struct nav_event *ev,
              const struct nav_env *env)
{
  long page = env->results_height > 1 ? (long) env->results_height - 1 : 1;
  switch (ev->action)
    {
    case NAV_LINE_UP:
      return scroll_results (s, env, -1);
    case NAV_LINE_DOWN:
      return scroll_results (s, env, 1);
    case NAV_PAGE_UP:
      return scroll_results (s, env, -page);
    case NAV_PAGE_DOWN:
      return scroll_results (s, env, page);
    case NAV_SCROLL_BY:
      return scroll_results (s, env, ev->arg);
    case NAV_UP:
    case NAV_FOCUS_PREV:
      return select_result (s, env, -1);
    case NAV_DOWN:
    case NAV_FOCUS_NEXT:
      return select_result (s, env, 1);
    case NAV_ACTIVATE:
      return open_result (s, env, s->selected >= 0 ? s->selected : 0);
    case NAV_OPEN_RESULT:
      return open_result (s, env, ev->arg);
    case NAV_TYPE:
      return type_text (s, ev->text);
    case NAV_ERASE:
      return erase_char (s);
    case NAV_CLEAR:
      if (!s->query[0])
        return 0;
      s->query[0] = '\0';
      s->selected = -1;
      s->results_top = 0;
      return NAV_REQUERY | NAV_REDRAW;
    default:
      return 0;
    }
}

/* Events on the help screen. */
static unsigned
help_event (struct nav_state *s, const struct nav_event *ev,
            const struct nav_env *env)
{
  long page = env->height > 1 ? (long) env->height - 1 : 1;
  switch (ev->action)
    {
    case NAV_LINE_UP:
    case NAV_UP:
      return scroll_help (s, env, -1);
    case NAV_LINE_DOWN:
    case NAV_DOWN:
      return scroll_help (s, env, 1);
    case NAV_PAGE_UP:
      return scroll_help (s, env, -page);
    case NAV_PAGE_DOWN:
      return scroll_help (s, env, page);
    case NAV_SCROLL_BY:
      return scroll_help (s, env, ev->arg);
    case NAV_TOP:
      return scroll_help (s, env, LONG_MIN / 2);
    case NAV_BOTTOM:
      return scroll_help (s, env, LONG_MAX / 2);
    default:
      return 0;
    }
}

/* Whether a quick repeat of ACTION is what the visitor means (scrolling
   on, typing a doubled letter) rather than an accident. */
static bool
repeatable (enum nav_action action)
{
  switch (action)
    {
    case NAV_LINE_UP:
    case NAV_LINE_DOWN:
    case NAV_PAGE_UP:
    case NAV_PAGE_DOWN:
    case NAV_SCROLL_BY:
    case NAV_TYPE:
    case NAV_ERASE:
      return true;
    default:
      return false;
    }
}

/* Whether the tap EV at NOW repeats the last one: the same place (a
   finger's width) within the guard time.  Such a tap would otherwise hit
   whatever the first one brought up under the finger. */
static bool
tap_repeats (struct nav_state *s, const struct nav_event *ev, long long now)
{
  bool repeat = s->tapped && now >= s->last_tap_ms
                && now - s->last_tap_ms < (long long) s->tap_guard_ms
                && abs (ev->x - s->last_tap_x) <= 2
                && abs (ev->y - s->last_tap_y) <= 1
                && !repeatable (ev->action);
  if (!repeat)
    {
      s->tapped = true;
      s->last_tap_ms = now;
      s->last_tap_x = ev->x;
      s->last_tap_y = ev->y;
    }
  return repeat;
}

/* A fresh visit: home (or PAGE), LANG, nothing behind. */
void
nav_init (struct nav_state *s, const struct site *site, const char *page,
          enum lang lang)
{
  memset (s, 0, sizeof *s);
  const char *id = site && site->home ? site->home : "home";
  if (page && (!site || site_find (site, page)))
    id = page;
  s->screen = NAV_SCREEN_PAGE;
  s->page = xstrdup (id);
  s->lang = lang;
  s->focus = -1;
  s->selected = -1;
  s->tap_guard_ms = NAV_TAP_GUARD_MS;
}

/* Free the history and the page id. */
void
nav_free (struct nav_state *s)
{
  for (size_t i = 0; i < s->nhistory; i++)
    free (s->history[i].page);
  free (s->history);
  free (s->page);
  s->history = NULL;
  s->page = NULL;
  s->nhistory = s->history_cap = 0;
}

/* One event: the buttons every screen has, then the screen's own. */
unsigned
nav_apply (struct nav_state *s, const struct nav_event *ev,
           const struct nav_env *env, long long now)
{
  /* A resize is the screen's, never a visitor's tap: dropping it would
     leave the state for a screen that is gone (side by side on a
     narrow one). */
  if (ev->tap && ev->action != NAV_RESIZE && tap_repeats (s, ev, now))
    return NAV_IGNORED;

  /* What every screen does alike: the header and footer buttons. */
  switch (ev->action)
    {
    case NAV_NONE:
      return 0;
    case NAV_QUIT:
      return NAV_EXIT;
    case NAV_BACK:
      return back (s);
    case NAV_HOME:
      return go_to (s, env, env->site && env->site->home ? env->site->home : "home");
    case NAV_LANGUAGE:
      return next_language (s, env);
    case NAV_SET_LANGUAGE:
      return set_language (s, env, ev->arg);
    case NAV_SEARCH:
      if (s->screen == NAV_SCREEN_SEARCH)
        return 0;
      s->screen = NAV_SCREEN_SEARCH;
      s->selected = -1;
      s->results_top = 0;
      return NAV_RELAYOUT | NAV_REQUERY | NAV_REDRAW;
    case NAV_HELP:
      if (s->screen == NAV_SCREEN_HELP)
        return 0;
      s->help_from = s->screen;
      s->screen = NAV_SCREEN_HELP;
      s->help_top = 0;
      return NAV_RELAYOUT | NAV_REDRAW;
    case NAV_RESIZE:
      /* The anchor stays as it is; nav_top() resolves it against the
         new layout.  Side by side needs the width to stay. */
      if (s->both && !env->wide)
        s->both = false;
      fit_results (s, env);
      return NAV_RELAYOUT | NAV_REDRAW;
    default:
      break;
    }

  switch (s->screen)
    {
    case NAV_SCREEN_PAGE:
      return page_event (s, ev, env);
    case NAV_SCREEN_SEARCH:
      return search_event (s, ev, env);
    case NAV_SCREEN_HELP:
      return help_event (s, ev, env);
    }
  return 0;
}
