#!/bin/sh
# themes.sh -- how the interface looks: every shipped theme starts and
# they differ; theme: in config.yaml and --theme; NO_COLOR and --no-color
# leave attributes only; 8-colour (xterm) and colourless (vt100) terminals
# show the same text; an unknown theme stops with a clear message; a broken
# user theme is reported as file:line:column and tend starts anyway; LC_ALL=C
# gets ASCII sparklines, markers and ellipses.
. "$TEST_SRCDIR/tests/ui/lib.sh"
demo_book

ESC=$(printf '\033')
# colour_sgr FILE: FILE sets a colour (SGR 30-38, 40-48, 90-97, 100-107);
# 39 and 49, "the default colour", do not count.
colour_sgr() {
	grep -aqE "$ESC\[([0-9]*;)*(3[0-8]|4[0-8]|9[0-7]|10[0-7])(;[0-9]*)*m" "$1"
}

# look NAME [VTRUN OPTIONS] [-- TEND ARGS]: start, go to the last (green)
# rows, and keep the screen's text and look as $WORK/NAME and NAME.attr.
look() {
	name=$1
	shift
	screen "$@" <<EOF
wait 1/546
key G
wait 546/546
dump $WORK/$name
dumpattr $WORK/$name.attr
key q
expect-exit 0
EOF
	cp "$RAW" "$WORK/$name.raw"
}

case_ "every shipped theme starts, draws the heatmap in 256 colours (mono: none)"
for theme in default light high-contrast colorblind mono; do
	look "$theme" -- --theme "$theme"
	screen_has "ACCOUNT" "$WORK/$theme"
	grep -q '  G [0-9]\.[0-9][0-9] ' "$WORK/$theme" || fail "$theme: no green band letters:
$(cat "$WORK/$theme")"
	if [ "$theme" = mono ]; then
		colour_sgr "$WORK/$theme.raw" && fail "mono sets colours"
	else
		grep -q '38;5;' "$WORK/$theme.raw" || fail "$theme does not use 256 colours"
	fi
done

case_ "the themes look different from each other, each in its own way"
for a in default light high-contrast colorblind mono; do
	for b in default light high-contrast colorblind mono; do
		[ "$a" \< "$b" ] || continue
		cmp -s "$WORK/$a.attr" "$WORK/$b.attr" && fail "$a and $b look the same"
	done
	cmp -s "$WORK/default" "$WORK/$a" || fail "$a shows other text than default:
$(diff "$WORK/default" "$WORK/$a")"
done
# Green band cells: green in default, blue in colorblind (no red/green pair).
screen_row 20 "$WORK/default.attr" | grep -q '^\.*GGGGGGGG' || fail "default: green rows are not green: $(screen_row 20 "$WORK/default.attr")"
screen_row 20 "$WORK/colorblind.attr" | grep -q '^\.*BBBBBBBB' || fail "colorblind: green rows are not blue: $(screen_row 20 "$WORK/colorblind.attr")"
grep -q G "$WORK/colorblind.attr" && fail "colorblind paints something green"
screen_row 1 "$WORK/high-contrast.attr" | grep -q '^WWWWWWWW' || fail "high-contrast: the header is not white"
screen_row 3 "$WORK/light.attr" | grep -q '^bbbbbbbb' || fail "light: titles are not dark blue text"
grep -q '[A-Za-z]' "$WORK/mono.attr" && fail "mono has colours:
$(cat "$WORK/mono.attr")"
grep -q '^#####################' "$WORK/mono.attr" || fail "mono: the cursor row is not in reverse video"

case_ "theme: in config.yaml picks the theme; --theme wins over it"
mkdir -p "$XDG_CONFIG_HOME/tend"
echo "theme: light" >"$XDG_CONFIG_HOME/tend/config.yaml"
look config-light
cmp -s "$WORK/light.attr" "$WORK/config-light.attr" || fail "theme: light does not look like --theme light"
look config-override -- --theme colorblind
cmp -s "$WORK/colorblind.attr" "$WORK/config-override.attr" || fail "--theme does not win over theme:"
rm "$XDG_CONFIG_HOME/tend/config.yaml"

case_ "NO_COLOR and --no-color: attributes only, the same text"
look nocolor -e NO_COLOR=1
look no-color -- --no-color
for run in nocolor no-color; do
	colour_sgr "$WORK/$run.raw" && fail "$run: colours were set"
	grep -q '[A-Za-z]' "$WORK/$run.attr" && fail "$run: coloured cells:
$(cat "$WORK/$run.attr")"
	grep -q '^#####################' "$WORK/$run.attr" || fail "$run: the cursor row is not reverse video"
	screen_row 1 "$WORK/$run.attr" | grep -q '^####' || fail "$run: the header is not reverse video"
	cmp -s "$WORK/default" "$WORK/$run" || fail "$run shows other text"
done
look nocolor-empty -e NO_COLOR=
grep -q '38;5;' "$WORK/nocolor-empty.raw" || fail "an empty NO_COLOR turned colour off"

case_ "TERM=xterm gets 8 colours; TERM=vt100 none; both show the same text"
look xterm -e TERM=xterm
grep -q '38;5;' "$WORK/xterm.raw" && fail "xterm got 256-colour sequences"
grep -aq "$ESC\[4[1-7]m" "$WORK/xterm.raw" || fail "xterm got no 8-colour backgrounds"
screen_row 20 "$WORK/xterm.attr" | grep -q '^\.*GGGGGGGG' || fail "xterm: green rows are not green"
look vt100 -e TERM=vt100
colour_sgr "$WORK/vt100.raw" && fail "vt100 got colours"
grep -q '^#####################' "$WORK/vt100.attr" || fail "vt100: the cursor row is not reverse video"
cmp -s "$WORK/default" "$WORK/xterm" || fail "xterm shows other text"
cmp -s "$WORK/default" "$WORK/vt100" || fail "vt100 shows other text:
$(diff "$WORK/default" "$WORK/vt100")"

case_ "an unknown theme stops before the screen is taken, with the names to use"
screen -- --theme nosuch <<EOF
expect-exit 66
EOF
grep -q "tend: unknown theme 'nosuch' (default, light, high-contrast, colorblind, mono, or a file)" "$RAW" ||
	fail "no clear message: $(cat "$RAW")"
grep -q "$ESC\[?1049h" "$RAW" && fail "the screen was taken before the error"
screen -- --theme colourblind <<EOF
expect-exit 66
EOF
grep -q "did you mean 'colorblind'?" "$RAW" || fail "no suggestion for colourblind: $(cat "$RAW")"
screen -- --theme "$WORK/none.yaml" <<EOF
expect-exit 66
EOF
grep -q "cannot read theme $WORK/none.yaml: No such file or directory" "$RAW" ||
	fail "no message for a missing theme file: $(cat "$RAW")"

case_ "an unknown theme in the config file falls back to the default, with a warning"
mkdir -p "$XDG_CONFIG_HOME/tend"
printf 'theme: nosuch\n' >"$XDG_CONFIG_HOME/tend/config.yaml"
screen -s 160x24 <<EOF
wait 1/546
dump $WORK/fallback
key q
expect-exit 0
EOF
screen_has "config.yaml: no theme 'nosuch'; using the default" "$WORK/fallback"
rm "$XDG_CONFIG_HOME/tend/config.yaml"

case_ "a broken user theme is reported as file:line:column, and tend starts"
mkdir -p "$XDG_CONFIG_HOME/tend/themes"
THEMES=$XDG_CONFIG_HOME/tend/themes
printf 'theme: syntax\ncolors: 256\nroles:\n  header: { fg: 231, bg: 24 }\n  title: [oops\n' >"$THEMES/syntax.yaml"
screen -s 160x24 -- --theme syntax <<EOF
wait 1/546
dump $WORK/syntax
key q
expect-exit 0
EOF
grep -q "$THEMES/syntax.yaml:[0-9]*:[0-9]*: " "$WORK/syntax" || fail "no file:line:column for a syntax error:
$(cat "$WORK/syntax")"
screen_has "ACCOUNT" "$WORK/syntax"
printf 'theme: range\ncolors: 256\nroles:\n  header: { fg: 999, bg: 24 }\n' >"$THEMES/range.yaml"
screen -s 160x24 -- --theme range <<EOF
wait 1/546
dump $WORK/range
dumpattr $WORK/range.attr
key q
expect-exit 0
EOF
screen_has "$THEMES/range.yaml:4:17: fg: 999 is out of range" "$WORK/range"
screen_row 3 "$WORK/range.attr" | grep -q '^cccccccc' || fail "the roles without problems lost their colours"
# theme: NAME in config.yaml finds the same file.
echo "theme: range" >"$XDG_CONFIG_HOME/tend/config.yaml"
screen -s 160x24 <<EOF
wait 1/546
dump $WORK/range2
key q
expect-exit 0
EOF
screen_has "range.yaml:4:17: fg: 999 is out of range" "$WORK/range2"
rm "$XDG_CONFIG_HOME/tend/config.yaml"

case_ "LC_ALL=C: ASCII sparklines, cursor, ellipses and names; box lines by the terminal's charset"
screen -e LC_ALL=C <<EOF
wait 1/546
key ss
wait by ARR
dump $WORK/ascii
key f
wait Filter by
dump $WORK/menu
key <Esc>
settle
key <Enter>
wait L log  T task
dump $WORK/account
key q
settle
key q
expect-exit 0
EOF
LC_ALL=C grep -q "$(printf '[\200-\377]')" "$RAW" && fail "non-ASCII bytes under LC_ALL=C"
grep -q '^> ' "$WORK/ascii" || fail "the cursor marker is not '>':
$(cat "$WORK/ascii")"
sed -n '4,22p' "$WORK/ascii" | grep -q ' [-_.,~=^"]\{8\}$' || fail "no ASCII sparklines:
$(cat "$WORK/ascii")"
grep -q '~  [RYG] [0-9]' "$WORK/ascii" || fail "cut names do not end in '~'"
grep -q '?okol?dovna Brno' "$WORK/ascii" || fail "a name with accents is not shown with '?':
$(cat "$WORK/ascii")"
grep -q '│> Owner  ' "$WORK/menu" || fail "the menu is not drawn:
$(cat "$WORK/menu")"
screen_row 4 "$WORK/account" | grep -q '% of full score  [-_.,~=^"]\{12\}   ARR' || fail "no ASCII sparkline in the account header:
$(cat "$WORK/account")"

finish
