/* staff.h -- the staff file and the PIN that unlocks the staff menu. */
#ifndef KIOSQUE_STAFF_H
#define KIOSQUE_STAFF_H

#include <stdbool.h>
#include <time.h>

struct staff
{
  char *pin_hash;       /* a crypt(3) hash: $y$..., $6$..., $5$... */
};

/* Read the staff file PATH ("pin_hash = HASH" lines; "#" comments).
   Staff access stays off, and false is returned with a translated reason
   in *CAUSE (caller frees), when the file is missing, is not a regular
   file, can be read or written by anyone but its owner, or holds no
   usable hash.  On success fill *STAFF (free with staff_free). */
bool staff_load (const char *path, struct staff *staff, char **cause);

/* True when PIN matches the staff hash.  The PIN is never kept. */
bool staff_check_pin (const struct staff *staff, const char *pin);

void staff_free (struct staff *staff);

/* Wrong PINs lock the pad for a delay that grows: nothing for the first
   four, then 30 s after the fifth, doubling with each further one, at
   most an hour.  A right PIN starts over. */
struct pin_guard
{
  unsigned failures;
  time_t locked_until;
};

#define PIN_GUARD_FREE_TRIES 4
#define PIN_GUARD_FIRST_DELAY 30
#define PIN_GUARD_MAX_DELAY 3600

/* Seconds left before the pad takes a PIN again (0: it does now). */
unsigned pin_guard_wait (const struct pin_guard *guard, time_t now);
/* Record a wrong PIN at NOW. */
void pin_guard_fail (struct pin_guard *guard, time_t now);
/* Record the right PIN. */
void pin_guard_pass (struct pin_guard *guard);

#endif /* KIOSQUE_STAFF_H */
