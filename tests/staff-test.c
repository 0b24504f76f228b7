/* staff-test.c -- the staff file rules, the PIN check and the lockout. */
#include "system.h"
#include "staff.h"
#include "check.h"

#include <crypt.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[] = "/tmp/kiosque-staff-XXXXXX";

/* Write a staff file NAME with CONTENT and MODE; return its path. */
static char *
write_staff (const char *name, const char *content, mode_t mode)
{
  char *path = xasprintf ("%s/%s", dir, name);
  FILE *f = fopen (path, "w");
  fputs (content, f);
  fclose (f);
  chmod (path, mode);
  return path;
}

/* A fresh hash of PIN in the scheme PREFIX, as mkpasswd would make. */
static char *
hash_of (const char *pin, const char *prefix)
{
  char salt[CRYPT_GENSALT_OUTPUT_SIZE];
  crypt_gensalt_rn (prefix, 0, NULL, 0, salt, sizeof salt);
  struct crypt_data data;
  memset (&data, 0, sizeof data);
  return xstrdup (crypt_r (pin, salt, &data));
}

static void
test_pin (const char *scheme)
{
  char *hash = hash_of ("2468", scheme);
  char *content = xasprintf ("# staff settings\n  pin_hash = %s  \n", hash);
  char *path = write_staff ("ok.conf", content, 0600);
  struct staff staff;
  char *cause = NULL;
  CHECK (staff_load (path, &staff, &cause));
  CHECK (cause == NULL);
  CHECK (staff_check_pin (&staff, "2468"));
  CHECK (!staff_check_pin (&staff, "2469"));
  CHECK (!staff_check_pin (&staff, ""));
  CHECK (!staff_check_pin (&staff, "24680"));
  staff_free (&staff);
  free (path);
  free (content);
  free (hash);
}

/* Loading PATH fails and the reason contains WANT. */
static void
check_refused (const char *path, const char *want)
{
  struct staff staff;
  char *cause = NULL;
  CHECK (!staff_load (path, &staff, &cause));
  CHECK (cause && strstr (cause, want));
  if (cause && !strstr (cause, want))
    fprintf (stderr, "  cause: %s\n", cause);
  free (cause);
}

static void
test_refusals (void)
{
  char *hash = hash_of ("1234", "$y$");
  char *content = xasprintf ("pin_hash = %s\n", hash);
  char *p;

  p = write_staff ("world.conf", content, 0644);
  check_refused (p, "chmod 600");
  free (p);
  p = write_staff ("group.conf", content, 0640);
  check_refused (p, "chmod 600");
  free (p);
  p = write_staff ("gw.conf", content, 0620);
  check_refused (p, "(mode 620");
  free (p);
  p = write_staff ("nohash.conf", "# nothing here\npin = 1234\n", 0600);
  check_refused (p, "no pin_hash");
  free (p);
  p = write_staff ("clear.conf", "pin_hash = 1234\n", 0600);
  check_refused (p, "no pin_hash");
  free (p);
  p = xasprintf ("%s/missing.conf", dir);
  check_refused (p, "cannot open staff file");
  free (p);

  /* A symlink could point anywhere: never follow it. */
  char *target = write_staff ("target.conf", content, 0600);
  p = xasprintf ("%s/link.conf", dir);
  CHECK (symlink (target, p) == 0);
  check_refused (p, "cannot open staff file");
  free (p);
  free (target);
  p = xasprintf ("%s", dir);
  check_refused (p, "not a regular file");
  free (p);
  free (content);
  free (hash);
}

static void
test_guard (void)
{
  struct pin_guard g = { 0, 0 };
  time_t t = 1000;
  for (int i = 0; i < 4; i++)
    {
      pin_guard_fail (&g, t);
      CHECK (pin_guard_wait (&g, t) == 0);
    }
  pin_guard_fail (&g, t);               /* fifth wrong PIN */
  CHECK (pin_guard_wait (&g, t) == 30);
  CHECK (pin_guard_wait (&g, t + 29) == 1);
  CHECK (pin_guard_wait (&g, t + 30) == 0);
  t += 30;
  pin_guard_fail (&g, t);
  CHECK (pin_guard_wait (&g, t) == 60);
  t += 60;
  pin_guard_fail (&g, t);
  CHECK (pin_guard_wait (&g, t) == 120);
  for (int i = 0; i < 40; i++)
    pin_guard_fail (&g, t);
  CHECK (pin_guard_wait (&g, t) == 3600);
  pin_guard_pass (&g);
  CHECK (pin_guard_wait (&g, t) == 0);
  pin_guard_fail (&g, t);
  CHECK (pin_guard_wait (&g, t) == 0);
}

int
main (void)
{
  if (!mkdtemp (dir))
    return 99;
  test_pin ("$y$");
  test_pin ("$6$");
  test_refusals ();
  test_guard ();
  char *cmd = xasprintf ("rm -rf '%s'", dir);
  if (system (cmd) != 0)
    fprintf (stderr, "could not remove %s\n", dir);
  free (cmd);
  return check_finish ();
}
