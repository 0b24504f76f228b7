/* pin-hash.c -- print a crypt(3) hash of the PIN given as argument, as
   "mkpasswd -m yescrypt" would, for the tests' staff files (so that
   they need no whois package). */
#include "system.h"

#include <crypt.h>

int
main (int argc, char **argv)
{
  if (argc != 2)
    {
      fputs ("usage: pin-hash PIN\n", stderr);
      return 2;
    }
  char salt[CRYPT_GENSALT_OUTPUT_SIZE];
  if (!crypt_gensalt_rn ("$y$", 0, NULL, 0, salt, sizeof salt))
    return 1;
  struct crypt_data data;
  memset (&data, 0, sizeof data);
  const char *hash = crypt_r (argv[1], salt, &data);
  if (!hash || hash[0] == '*')
    return 1;
  puts (hash);
  return 0;
}
