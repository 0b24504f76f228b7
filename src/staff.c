/* staff.c -- the staff file and the PIN that unlocks the staff menu. */
#include "system.h"
#include "staff.h"

#include <crypt.h>
#include <ctype.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

/* A staff file is a few lines; anything bigger is not one. */
#define STAFF_MAX_SIZE 4096

/* Strip leading and trailing blanks of S in place; return its start. */
static char *
trim (char *s)
{
  while (isspace ((unsigned char) *s))
    s++;
  char *end = s + strlen (s);
  while (end > s && isspace ((unsigned char) end[-1]))
    *--end = '\0';
  return s;
}

/* The file's permissions allow no one but its owner: a PIN hash that
   others can read can be attacked offline, and one they can write
   hands them the kiosk. */
static bool
private_enough (const struct stat *st, const char *path, char **cause)
{
  if (!S_ISREG (st->st_mode))
    {
      *cause = xasprintf (_("staff file %s is not a regular file; staff access is off"),
                          path);
      return false;
    }
  if (st->st_mode & (S_IRWXG | S_IRWXO))
    {
      *cause = xasprintf (_("staff file %s can be read or written by others than its owner "
                            "(mode %03o; run chmod 600); staff access is off"),
                          path, (unsigned) (st->st_mode & 0777));
      return false;
    }
  return true;
}

bool
staff_load (const char *path, struct staff *staff, char **cause)
{
  staff->pin_hash = NULL;
  *cause = NULL;
  int fd = open (path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0)
    {
      *cause = xasprintf (_("cannot open staff file %s: %s; staff access is off"),
                          path, strerror (errno));
      return false;
    }
  struct stat st;
  if (fstat (fd, &st) != 0 || !private_enough (&st, path, cause))
    {
      if (!*cause)
        *cause = xasprintf (_("cannot open staff file %s: %s; staff access is off"),
                            path, strerror (errno));
      close (fd);
      return false;
    }

  char buf[STAFF_MAX_SIZE + 1];
  ssize_t n = read (fd, buf, sizeof buf);
  close (fd);
  if (n < 0 || n > STAFF_MAX_SIZE)
    {
      *cause = xasprintf (_("staff file %s is unreadable or too big; staff access is off"),
                          path);
      return false;
    }
  buf[n] = '\0';

  for (char *line = strtok (buf, "\n"); line; line = strtok (NULL, "\n"))
    {
      char *s = trim (line);
      if (*s == '#' || *s == '\0')
        continue;
      char *eq = strchr (s, '=');
      if (!eq)
        continue;
      *eq = '\0';
      if (strcmp (trim (s), "pin_hash") == 0)
        {
          free (staff->pin_hash);
          staff->pin_hash = xstrdup (trim (eq + 1));
        }
    }

  /* Only the modern, salted schemes that mkpasswd and openssl make. */
  const char *h = staff->pin_hash;
  if (!h || !(strncmp (h, "$y$", 3) == 0 || strncmp (h, "$6$", 3) == 0
              || strncmp (h, "$5$", 3) == 0 || strncmp (h, "$2b$", 4) == 0
              || strncmp (h, "$gy$", 4) == 0))
    {
      *cause = xasprintf (_("staff file %s has no pin_hash line with a crypt(3) hash "
                            "($y$, $6$ ...); staff access is off"), path);
      staff_free (staff);
      return false;
    }
  return true;
}

bool
staff_check_pin (const struct staff *staff, const char *pin)
{
  if (!staff->pin_hash || !*pin)
    return false;
  struct crypt_data *data = xcalloc (1, sizeof *data);
  const char *got = crypt_r (pin, staff->pin_hash, data);
  bool ok = false;
  size_t want_len = strlen (staff->pin_hash);
  if (got && got[0] != '*' && strlen (got) == want_len)
    {
      /* Compare every byte whatever differs, so timing tells nothing. */
      unsigned char diff = 0;
      for (size_t i = 0; i < want_len; i++)
        diff |= (unsigned char) (got[i] ^ staff->pin_hash[i]);
      ok = diff == 0;
    }
  explicit_bzero (data, sizeof *data);
  free (data);
  return ok;
}

void
staff_free (struct staff *staff)
{
  free (staff->pin_hash);
  staff->pin_hash = NULL;
}

unsigned
pin_guard_wait (const struct pin_guard *guard, time_t now)
{
  return guard->locked_until > now ? (unsigned) (guard->locked_until - now) : 0;
}

void
pin_guard_fail (struct pin_guard *guard, time_t now)
{
  guard->failures++;
  if (guard->failures <= PIN_GUARD_FREE_TRIES)
    return;
  unsigned extra = guard->failures - PIN_GUARD_FREE_TRIES - 1;
  unsigned delay = PIN_GUARD_FIRST_DELAY;
  while (extra-- > 0 && delay < PIN_GUARD_MAX_DELAY)
    delay *= 2;
  if (delay > PIN_GUARD_MAX_DELAY)
    delay = PIN_GUARD_MAX_DELAY;
  guard->locked_until = now + delay;
}

void
pin_guard_pass (struct pin_guard *guard)
{
  guard->failures = 0;
  guard->locked_until = 0;
}
