# term-ncurses.py -- a small ncurses program for term-ncurses.sh: it
# shows the name of every key and the kind and place of every mouse
# event that ncurses decoded, on the line "got: ...", so the test can
# prove tests/term sends what ncurses expects for the TERM in use.
import curses
import sys


def name_of(scr, ch):
    """What ncurses made of one input: a key name, a character, or a
    mouse event as KIND@COL,ROW (1-based, like tests/term)."""
    if ch == curses.KEY_MOUSE:
        try:
            _, x, y, _, bstate = curses.getmouse()
        except curses.error:
            return "mouse?"
        kinds = [("press", curses.BUTTON1_PRESSED),
                 ("release", curses.BUTTON1_RELEASED),
                 ("click", curses.BUTTON1_CLICKED),
                 ("wheelup", curses.BUTTON4_PRESSED),
                 ("wheeldown", getattr(curses, "BUTTON5_PRESSED", 0)),
                 ("move", curses.REPORT_MOUSE_POSITION)]
        kind = "+".join(k for k, bit in kinds if bit and bstate & bit)
        return "%s@%d,%d" % (kind or hex(bstate), x + 1, y + 1)
    if ch == curses.KEY_RESIZE:
        rows, cols = scr.getmaxyx()
        return "resize@%dx%d" % (cols, rows)
    if isinstance(ch, str):
        return "chr(%s)" % ch if ch.isprintable() else "chr%d" % ord(ch)
    return curses.keyname(ch).decode()


def main(scr):
    curses.mousemask(curses.ALL_MOUSE_EVENTS | curses.REPORT_MOUSE_POSITION)
    curses.mouseinterval(0)
    if len(sys.argv) > 1 and sys.argv[1] == "drag":
        # As kiosque does: ncurses turns on 1000 only; drags need 1002.
        sys.stdout.write("\033[?1002h")
        sys.stdout.flush()
    curses.set_escdelay(50)
    scr.keypad(True)
    got = []
    scr.addstr(0, 0, "ready")
    while True:
        scr.refresh()
        try:
            ch = scr.get_wch()
        except curses.error:
            continue
        if ch == "q":
            break
        got.append(name_of(scr, ch))
        scr.erase()
        try:
            scr.addstr(0, 0, "ready got: " + " ".join(got))
        except curses.error:
            pass  # a screen too small for the list
    if len(sys.argv) > 1 and sys.argv[1] == "drag":
        sys.stdout.write("\033[?1002l")
        sys.stdout.flush()


curses.wrapper(main)
