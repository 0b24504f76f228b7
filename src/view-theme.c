/* view-theme.c -- the one colour table of every screen, the guide's and
   kiosk mode's, and the attributes that stand in for colours where
   there are none. */
#include "system.h"

#define NCURSES_WIDECHAR 1
#include <curses.h>

#include "view-private.h"

/* The one colour table (as ncdu has it): foreground, background, and the
   attributes with colours and without them.  Without colours (NO_COLOR,
   a monochrome terminal) bold, underline and reverse alone keep every
   role apart and legible; dim is only for what does nothing. */
static const struct
{
  short fg, bg;
  attr_t colour;
  attr_t mono;
} theme[ROLE_COUNT] = {
  [ROLE_TEXT]       = { -1, -1, A_NORMAL, A_NORMAL },
  [ROLE_SITE]       = { COLOR_YELLOW, -1, A_BOLD, A_BOLD },
  [ROLE_CRUMB]      = { COLOR_CYAN, -1, A_NORMAL, A_NORMAL },
  [ROLE_RULE]       = { COLOR_BLUE, -1, A_NORMAL, A_NORMAL },
  [ROLE_FRAME]      = { COLOR_CYAN, -1, A_NORMAL, A_NORMAL },
  [ROLE_BUTTON]     = { -1, -1, A_BOLD, A_BOLD },
  [ROLE_OFF]        = { COLOR_BLUE, -1, A_NORMAL, A_DIM },
  [ROLE_LANG_ON]    = { COLOR_BLACK, COLOR_YELLOW, A_BOLD, A_REVERSE | A_BOLD },
  [ROLE_LINK]       = { COLOR_CYAN, -1, A_BOLD | A_UNDERLINE, A_BOLD | A_UNDERLINE },
  [ROLE_FOCUS]      = { COLOR_BLACK, COLOR_CYAN, A_BOLD, A_REVERSE | A_BOLD },
  [ROLE_TITLE]      = { COLOR_YELLOW, -1, A_BOLD, A_BOLD | A_UNDERLINE },
  [ROLE_HEADING]    = { COLOR_GREEN, -1, A_BOLD, A_BOLD },
  [ROLE_URL]        = { COLOR_MAGENTA, -1, A_NORMAL, A_UNDERLINE },
  [ROLE_QUOTE]      = { COLOR_GREEN, -1, A_NORMAL, A_NORMAL },
  [ROLE_CODE]       = { COLOR_YELLOW, -1, A_NORMAL, A_NORMAL },
  [ROLE_CARD_LABEL] = { COLOR_CYAN, -1, A_BOLD, A_BOLD },
  [ROLE_CARD]       = { COLOR_BLUE, -1, A_NORMAL, A_NORMAL },
  [ROLE_NOTICE]     = { COLOR_RED, -1, A_BOLD, A_REVERSE },
  [ROLE_ALERT]      = { COLOR_RED, -1, A_BOLD, A_REVERSE | A_BOLD },
  [ROLE_MUTED]      = { -1, -1, A_DIM, A_NORMAL },
  [ROLE_MARK]       = { COLOR_BLACK, COLOR_YELLOW, A_BOLD, A_REVERSE },
  [ROLE_KEY]        = { -1, -1, A_BOLD, A_BOLD },
};

/* Colours from the theme table, or attributes alone. */
void
view_theme_init (struct view *v)
{
  const char *no_colour = getenv ("NO_COLOR");
  v->colour = has_colors () && !(no_colour && *no_colour);
  if (v->colour && start_color () == OK)
    {
      use_default_colors ();
      for (int r = 0; r < ROLE_COUNT; r++)
        init_pair ((short) (r + 1), theme[r].fg, theme[r].bg);
    }
  else
    v->colour = false;
  /* Italics only where the terminal has them; underline stands in. */
  const char *sitm = tigetstr ((char *) "sitm");
  v->italics = sitm && sitm != (char *) -1;
}

/* The attributes of ROLE. */
unsigned long
view_role_attr (const struct view *v, enum role role)
{
  if (v->colour)
    return COLOR_PAIR (role + 1) | theme[role].colour;
  return theme[role].mono;
}
