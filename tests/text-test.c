/* text-test.c -- unit tests of the text engine: what a reader or a
   searcher sees of validation, NFC, widths, graphemes, folding and
   French spacing. */
#include "system.h"

#include "check.h"
#include "text.h"

#define NN "\xE2\x80\xAF"       /* U+202F NARROW NO-BREAK SPACE */
#define NB "\xC2\xA0"           /* U+00A0 NO-BREAK SPACE */

/* Fold S and compare with WANT. */
static void
check_fold (const char *s, const char *want)
{
  size_t len = 12345;
  char *f = text_fold (s, strlen (s), &len);
  CHECK_STR (f, want);
  CHECK (len == strlen (want));
  free (f);
}

/* Apply French spacing to S and compare with WANT. */
static void
check_french (const char *s, const char *want)
{
  char *f = text_french_spaces (s, strlen (s));
  CHECK_STR (f, want);
  free (f);
}

static void
test_valid (void)
{
  size_t bad = 99;
  CHECK (text_valid_utf8 ("Huế", strlen ("Huế"), &bad));
  CHECK (text_valid_utf8 ("", 0, NULL));
  CHECK (!text_valid_utf8 ("ab\xC3", 3, &bad) && bad == 2);        /* truncated */
  CHECK (!text_valid_utf8 ("a\xC0\xAF", 3, &bad) && bad == 1);      /* overlong '/' */
  CHECK (!text_valid_utf8 ("\xED\xA0\x80", 3, &bad) && bad == 0);   /* surrogate */
  CHECK (!text_valid_utf8 ("xy\xF4\x90\x80\x80", 6, &bad) && bad == 2); /* > U+10FFFF */
  CHECK (!text_valid_utf8 ("\x80", 1, &bad) && bad == 0);
  CHECK (!text_valid_utf8 ("Hu\xE1\xBA", 5, NULL));
}

static void
test_nfc (void)
{
  size_t len;
  char *s = text_nfc ("Hue\xCC\x82\xCC\x81", 7, &len);       /* NFD Huế */
  CHECK_STR (s, "Huế");
  CHECK (len == strlen ("Huế"));
  free (s);
  s = text_nfc ("Hue\xCC\x81", 5, NULL);
  CHECK_STR (s, "Hué");
  free (s);
  s = text_nfc ("", 0, &len);
  CHECK_STR (s, "");
  CHECK (len == 0);
  free (s);
  /* Vietnamese: ệ is e + dot below + circumflex in canonical order. */
  s = text_nfc ("Vie\xCC\xA3\xCC\x82t", 8, NULL);
  CHECK_STR (s, "Việt");
  free (s);
}

static void
test_width (void)
{
  CHECK (text_width ("Huế", strlen ("Huế")) == 3);
  CHECK (text_width ("Hue\xCC\x82\xCC\x81", 7) == 3);         /* NFD too */
  CHECK (text_width ("", 0) == 0);
  CHECK (text_width ("順化", strlen ("順化")) == 4);             /* East Asian wide */
  CHECK (text_width ("a\tb", 3) == 2);                         /* control: 0 */
  CHECK (text_width ("a\0b", 3) == 2);                         /* NUL does not stop it */
  CHECK (text_width ("«" NN "oui" NN "»", strlen ("«" NN "oui" NN "»")) == 7);
}

static void
test_grapheme (void)
{
  CHECK (text_grapheme_len ("", 0) == 0);
  CHECK (text_grapheme_len ("ab", 2) == 1);
  CHECK (text_grapheme_len ("e\xCC\x82\xCC\x81x", 6) == 5);   /* e + 2 marks */
  CHECK (text_grapheme_len ("ế", strlen ("ế")) == strlen ("ế"));
  CHECK (text_grapheme_len ("\r\nx", 3) == 2);                 /* CR LF is one */
  /* Two regional indicators make one flag; a third starts the next. */
  const char *flags = "\xF0\x9F\x87\xBB\xF0\x9F\x87\xB3\xF0\x9F\x87\xAB";
  CHECK (text_grapheme_len (flags, strlen (flags)) == 8);
  /* A cluster longer than any first window: a base and 100 marks. */
  char zalgo[1 + 200 + 1];
  zalgo[0] = 'a';
  for (int i = 0; i < 100; i++)
    memcpy (zalgo + 1 + 2 * i, "\xCC\x81", 2);
  zalgo[201] = 'b';
  CHECK (text_grapheme_len (zalgo, 202) == 201);
  CHECK (text_grapheme_len (zalgo, 201) == 201);
}

static void
test_fold (void)
{
  check_fold ("Huế", "hue");
  check_fold ("HUÉ", "hue");
  check_fold ("Hue\xCC\x82\xCC\x81", "hue");                   /* NFD */
  check_fold ("hue", "hue");
  check_fold ("Đúc", "duc");
  check_fold ("đúc", "duc");
  check_fold ("hoà", "hoa");
  check_fold ("hòa", "hoa");
  check_fold ("ho\xCC\x80" "a", "hoa");                         /* NFD hòa */
  check_fold ("Nón lá", "non la");
  check_fold ("Thừa Thiên Huế", "thua thien hue");
  check_fold ("ĐẠI NỘI", "dai noi");
  check_fold ("Œuvre ÇA", "œuvre ca");
  check_fold ("Straße", "strasse");
  check_fold ("", "");
}

static void
test_french (void)
{
  /* Ordinary spaces inside the guillemets and before the high marks. */
  check_french ("« Bonjour »", "«" NN "Bonjour" NN "»");
  check_french ("Quoi ? Oui ! Non ; voici : ceci",
                "Quoi" NN "? Oui" NN "! Non" NN "; voici" NN ": ceci");
  /* Missing spaces are added before » ; ! ? but not before ':'. */
  check_french ("«Bonjour»", "«Bonjour" NN "»");
  check_french ("Vraiment?", "Vraiment" NN "?");
  check_french ("Vraiment!", "Vraiment" NN "!");
  check_french ("un; deux", "un" NN "; deux");
  check_french ("à 10:30 heures", "à 10:30 heures");
  check_french ("Note: voir", "Note: voir");
  /* "?!" gets one space, before the first mark. */
  check_french ("Quoi?!", "Quoi" NN "?!");
  check_french ("Quoi ?!", "Quoi" NN "?!");
  check_french ("Non!!!", "Non" NN "!!!");
  /* Addresses keep their marks as they are. */
  check_french ("http://x.fr/a?b=1;c", "http://x.fr/a?b=1;c");
  check_french ("voir https://cergy.fr/hue?lang=fr!", "voir https://cergy.fr/hue?lang=fr!");
  check_french ("www.cergy.fr?x", "www.cergy.fr?x");
  check_french ("Écrire à office@cergy.fr!", "Écrire à office@cergy.fr!");
  check_french ("mailto:a@b.fr", "mailto:a@b.fr");
  /* Already right: unchanged; a no-break space already there is kept. */
  check_french ("«" NN "Oui" NN "»", "«" NN "Oui" NN "»");
  check_french ("Oui" NB "!", "Oui" NB "!");
  check_french ("« Oui » ", "«" NN "Oui" NN "» ");
  /* Several ordinary spaces become one narrow one. */
  check_french ("Oui   ?", "Oui" NN "?");
  /* Nothing to do at the very start, after an opening bracket, in an
     entity, or when the mark leads into a word or a Markdown image. */
  check_french ("? début", "? début");
  check_french ("(?)", "(?)");
  check_french ("A &amp; B", "A &amp; B");
  check_french ("voir ![plan](x.png)", "voir ![plan](x.png)");
  check_french ("", "");
  check_french ("Huế, cố đô", "Huế, cố đô");
}

/* Cutting to a width keeps whole clusters: the NFD "ế" (e plus two
   marks) is one column, a CJK character two. */
static void
test_fit (void)
{
  const char *nfc = "Hu\u1EBF Cergy";
  int w = -1;
  CHECK (text_fit (nfc, strlen (nfc), 3, &w) == strlen ("Hu\u1EBF"));
  CHECK (w == 3);
  const char *nfd = "Hue\u0302\u0301";
  CHECK (text_fit (nfd, strlen (nfd), 3, &w) == strlen (nfd));
  CHECK (w == 3);
  CHECK (text_fit (nfd, strlen (nfd), 2, &w) == 2);
  CHECK (w == 2);
  const char *wide = "\u4E2D\u6587";
  CHECK (text_fit (wide, strlen (wide), 3, &w) == 3);
  CHECK (w == 2);
  CHECK (text_fit (wide, strlen (wide), 1, &w) == 0);
  CHECK (w == 0);
  CHECK (text_fit ("", 0, 5, NULL) == 0);
}

int
main (void)
{
  test_valid ();
  test_nfc ();
  test_width ();
  test_grapheme ();
  test_fold ();
  test_french ();
  test_fit ();
  return check_finish ();
}
