#ifndef MTASTS_CNCURSES_SHIM_H
#define MTASTS_CNCURSES_SHIM_H
/* Wide-character ncurses for Swift 6 (see shared/NOTES.md and STYLE.md). */
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <ncursesw/curses.h>
#include <locale.h>
#include <langinfo.h>
#include <signal.h>
#include <stdio.h>

/* Swift 6 rejects the mutable C globals stdscr, LINES and COLS: wrap them. */
static inline WINDOW *cn_stdscr(void) { return stdscr; }
static inline int cn_lines(void) { return LINES; }
static inline int cn_cols(void) { return COLS; }
static inline int cn_colors(void) { return COLORS; }

/* Macros that do not import. */
static inline int cn_attr_bold(void) { return (int)A_BOLD; }
static inline int cn_attr_reverse(void) { return (int)A_REVERSE; }
static inline int cn_attr_dim(void) { return (int)A_DIM; }
static inline int cn_attr_underline(void) { return (int)A_UNDERLINE; }
static inline int cn_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline int cn_key_resize(void) { return KEY_RESIZE; }
static inline int cn_key_f(int n) { return KEY_F(n); }

/* Draws one wide-character string with attributes at (y, x). */
static inline int cn_put(int y, int x, const wchar_t *text, int attributes) {
    attr_t saved_attrs; short saved_pair;
    wattr_get(stdscr, &saved_attrs, &saved_pair, NULL);
    wattr_set(stdscr, (attr_t)attributes, (short)PAIR_NUMBER(attributes), NULL);
    int result = mvwaddwstr(stdscr, y, x, text);
    wattr_set(stdscr, saved_attrs, saved_pair, NULL);
    return result;
}

/* The locale's character set is UTF-8. */
static inline int cn_locale_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && (codeset[0] == 'U' || codeset[0] == 'u') && (codeset[1] == 'T' || codeset[1] == 't');
}

/* wcwidth(3), the column table curses lays cells out with. It is X/Open, and glibc declares it
   only under _XOPEN_SOURCE, which the Swift Glibc module is not built with: declare it here. */
extern int wcwidth(wchar_t c);
static inline int cn_wcwidth(unsigned int c) { return wcwidth((wchar_t)c); }
#endif
