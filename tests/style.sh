#!/bin/sh
# style.sh -- what of the house style a tool can check, checked on every
# tracked source file (README, Development, says why there is no
# clang-format): a header comment saying what the module owns, tab
# indentation, no trailing blanks, no carriage returns, a final newline.
. "$TEST_SRCDIR/tests/cli/lib.sh"
cd "$TEST_SRCDIR" || exit 99
ls src/*.c src/*/*.[ch] tests/unit/*.[ch] tests/ui/*.c >"$WORK/files" 2>/dev/null

case_ "every C file starts with a comment saying what it owns"
: >"$WORK/bad"
while read -r f; do
	head -n 1 "$f" | grep -q '^/\*$' && sed -n 2p "$f" | grep -q "^ \* $(basename "$f") -- " ||
		echo "$f" >>"$WORK/bad"
done <"$WORK/files"
check_not "files without a header comment '/* NAME -- what it owns':
$(cat "$WORK/bad")" test -s "$WORK/bad"

case_ "tabs indent, nothing trails, lines end in LF, files end in a newline"
xargs grep -n '[[:blank:]]$' <"$WORK/files" >"$WORK/trailing"
check_not "trailing blanks:
$(head -n 20 "$WORK/trailing")" test -s "$WORK/trailing"
xargs grep -ln "$(printf '\r')" <"$WORK/files" >"$WORK/crlf"
check_not "carriage returns:
$(cat "$WORK/crlf")" test -s "$WORK/crlf"
# Eight spaces where a tab belongs (continuation lines align with spaces
# after a tab, which is fine).
xargs grep -n '^        ' <"$WORK/files" >"$WORK/spaces"
check_not "indented with spaces, not tabs:
$(head -n 20 "$WORK/spaces")" test -s "$WORK/spaces"
: >"$WORK/eof"
while read -r f; do
	[ -z "$(tail -c 1 "$f")" ] || echo "$f" >>"$WORK/eof"
done <"$WORK/files"
check_not "no newline at the end:
$(cat "$WORK/eof")" test -s "$WORK/eof"

finish
