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
	check "$theme: no green band letters:
$(cat "$WORK/$theme")" grep -q '  G [0-9]\.[0-9][0-9] ' "$WORK/$theme"
	if [ "$theme" = mono ]; then
		check_not "mono sets colours" colour_sgr "$WORK/$theme.raw"
	else
		check "$theme does not use 256 colours" grep -q '38;5;' "$WORK/$theme.raw"
	fi
done

case_ "the themes look different from each other, each in its own way"
for a in default light high-contrast colorblind mono; do
	for b in default light high-contrast colorblind mono; do
		[ "$a" \< "$b" ] || continue
		check_not "$a and $b look the same" cmp -s "$WORK/$a.attr" "$WORK/$b.attr"
	done
	check "$a shows other text than default:
$(diff "$WORK/default" "$WORK/$a")" cmp -s "$WORK/default" "$WORK/$a"
done
# Green band cells: green in default, blue in colorblind (no red/green pair).
check "default: green rows are not green: $(screen_row 20 "$WORK/default.attr")" row_greps 20 "$WORK/default.attr" '^\.*GGGGGGGG'
check "colorblind: green rows are not blue: $(screen_row 20 "$WORK/colorblind.attr")" row_greps 20 "$WORK/colorblind.attr" '^\.*BBBBBBBB'
check_not "colorblind paints something green" grep -q G "$WORK/colorblind.attr"
check "high-contrast: the header is not white" row_greps 1 "$WORK/high-contrast.attr" '^WWWWWWWW'
check "light: titles are not dark blue text" row_greps 3 "$WORK/light.attr" '^bbbbbbbb'
check_not "mono has colours:
$(cat "$WORK/mono.attr")" grep -q '[A-Za-z]' "$WORK/mono.attr"
check "mono: the cursor row is not in reverse video" grep -q '^#####################' "$WORK/mono.attr"

case_ "theme: in config.yaml picks the theme; --theme wins over it"
mkdir -p "$XDG_CONFIG_HOME/tend"
echo "theme: light" >"$XDG_CONFIG_HOME/tend/config.yaml"
look config-light
check "theme: light does not look like --theme light" cmp -s "$WORK/light.attr" "$WORK/config-light.attr"
look config-override -- --theme colorblind
check "--theme does not win over theme:" cmp -s "$WORK/colorblind.attr" "$WORK/config-override.attr"
rm "$XDG_CONFIG_HOME/tend/config.yaml"

case_ "NO_COLOR and --no-color: attributes only, the same text"
look nocolor -e NO_COLOR=1
look no-color -- --no-color
for run in nocolor no-color; do
	check_not "$run: colours were set" colour_sgr "$WORK/$run.raw"
	check_not "$run: coloured cells:
$(cat "$WORK/$run.attr")" grep -q '[A-Za-z]' "$WORK/$run.attr"
	check "$run: the cursor row is not reverse video" grep -q '^#####################' "$WORK/$run.attr"
	check "$run: the header is not reverse video" row_greps 1 "$WORK/$run.attr" '^####'
	check "$run shows other text" cmp -s "$WORK/default" "$WORK/$run"
done
look nocolor-empty -e NO_COLOR=
check "an empty NO_COLOR turned colour off" grep -q '38;5;' "$WORK/nocolor-empty.raw"

case_ "TERM=xterm gets 8 colours; TERM=vt100 none; both show the same text"
look xterm -e TERM=xterm
check_not "xterm got 256-colour sequences" grep -q '38;5;' "$WORK/xterm.raw"
check "xterm got no 8-colour backgrounds" grep -aq "$ESC\[4[1-7]m" "$WORK/xterm.raw"
check "xterm: green rows are not green" row_greps 20 "$WORK/xterm.attr" '^\.*GGGGGGGG'
look vt100 -e TERM=vt100
check_not "vt100 got colours" colour_sgr "$WORK/vt100.raw"
check "vt100: the cursor row is not reverse video" grep -q '^#####################' "$WORK/vt100.attr"
check "xterm shows other text" cmp -s "$WORK/default" "$WORK/xterm"
check "vt100 shows other text:
$(diff "$WORK/default" "$WORK/vt100")" cmp -s "$WORK/default" "$WORK/vt100"

case_ "an unknown theme stops before the screen is taken, with the names to use"
screen -- --theme nosuch <<EOF
expect-exit 66
EOF
check "no clear message: $(cat "$RAW")" grep -q "tend: unknown theme 'nosuch' (default, light, high-contrast, colorblind, mono, or a file)" "$RAW"
check_not "the screen was taken before the error" grep -q "$ESC\[?1049h" "$RAW"
screen -- --theme colourblind <<EOF
expect-exit 66
EOF
check "no suggestion for colourblind: $(cat "$RAW")" grep -q "did you mean 'colorblind'?" "$RAW"
screen -- --theme "$WORK/none.yaml" <<EOF
expect-exit 66
EOF
check "no message for a missing theme file: $(cat "$RAW")" grep -q "cannot read theme $WORK/none.yaml: No such file or directory" "$RAW"

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
check "no file:line:column for a syntax error:
$(cat "$WORK/syntax")" grep -q "$THEMES/syntax.yaml:[0-9]*:[0-9]*: " "$WORK/syntax"
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
check "the roles without problems lost their colours" row_greps 3 "$WORK/range.attr" '^cccccccc'
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
check_not "non-ASCII bytes under LC_ALL=C" env LC_ALL=C grep -q "$(printf '[\200-\377]')" "$RAW"
grep -q '^> ' "$WORK/ascii" || fail "the cursor marker is not '>':
$(cat "$WORK/ascii")"
sed -n '4,22p' "$WORK/ascii" | grep -q ' [-_.,~=^"]\{8\}$' || fail "no ASCII sparklines:
$(cat "$WORK/ascii")"
check "cut names do not end in '~'" grep -q '~  [RYG] [0-9]' "$WORK/ascii"
check "a name with accents is not shown with '?':
$(cat "$WORK/ascii")" grep -q '?okol?dovna Brno' "$WORK/ascii"
grep -q '│> Owner  ' "$WORK/menu" || fail "the menu is not drawn:
$(cat "$WORK/menu")"
check "no ASCII sparkline in the account header:
$(cat "$WORK/account")" row_greps 4 "$WORK/account" '% of full score  [-_.,~=^"]\{12\}   ARR'

finish
