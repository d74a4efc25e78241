#!/usr/bin/env bash
# Drives a real window with real X input (xdotool under Xvfb), for what `--script` cannot reach:
# clicks on the panels, window resizes, keys through GLFW. Issue 12, defect 11 (a heap corruption
# after ~17 minutes of class): first the reported sequence (lesson 1, F5, Ctrl+= x6, Ctrl+0,
# Ctrl+= x3, PageDown x5, B, Space, Home, A, 20 s), then MINUTES of random use: keys from the key
# table, drags, clicks anywhere, wheel, resizes. Prints "survived" or how the program ended, and
# any sanitizer, glibc malloc or valgrind report from its log.
#   scripts/replay_window.sh BINARY [MINUTES] [asan|glibc|valgrind]
# BINARY: a psoas-atlas built with PSOAS_SANITIZE=ON (asan, the default) or any build (glibc: the
# allocator's own checks, which also see bad writes from uninstrumented code such as the GL driver;
# valgrind: memcheck, which sees every read and write of every library -- ImGui from libimgui.a,
# stb, GLFW, Mesa (llvmpipe, one thread) -- but runs ~50x slower, so the screen is 960x540 and the
# window 800x450 (REPLAY_SCREEN, REPLAY_SIZE), keys are spaced REPLAY_GAP seconds apart (default
# 20) for each to reach its own frame, and the reported sequence is followed by REPLAY_AFTER
# seconds (default 1200) for autoplay to turn steps: the program's clock advances at most 0.1 s a
# frame. Its report: valgrind.log in the temporary HOME, named at the end.
# Installs xdotool with apt-get when missing. Settings go to a temporary HOME; F12 screenshots too.
set -euo pipefail
bin=$(realpath "$1")
minutes=${2:-10}
mode=${3:-asan}
screen=${REPLAY_SCREEN:-1920x1080} size=${REPLAY_SIZE:-1280x720}
[[ $mode == valgrind ]] && screen=${REPLAY_SCREEN:-960x540} size=${REPLAY_SIZE:-800x450}
command -v xdotool >/dev/null || apt-get install -y -qq xdotool >/dev/null
cd "$(dirname "$0")/.."
if [[ ${REPLAY_INSIDE_XVFB:-} != 1 ]]; then
  REPLAY_INSIDE_XVFB=1 exec xvfb-run -a -s "-screen 0 ${screen}x24" "$0" "$bin" "$minutes" "$mode"
fi

work=$(mktemp -d)
export HOME=$work LIBGL_ALWAYS_SOFTWARE=1
log=$work/program.log
echo "log and reports in $work"
if [[ $mode == glibc ]]; then
  LD_PRELOAD=/usr/lib/x86_64-linux-gnu/libc_malloc_debug.so.0 GLIBC_TUNABLES=glibc.malloc.check=3:glibc.malloc.perturb=165 \
    "$bin" --size "$size" --lesson meet-the-psoas >"$log" 2>&1 &
elif [[ $mode == valgrind ]]; then
  LP_NUM_THREADS=0 valgrind --tool=memcheck --error-limit=no --num-callers=40 --read-var-info=yes \
    --suppressions=scripts/valgrind.supp --log-file="$work/valgrind.log" "$bin" --size "$size" --lesson meet-the-psoas >"$log" 2>&1 &
else
  ASAN_OPTIONS=halt_on_error=1:detect_leaks=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "$bin" --size "$size" --lesson meet-the-psoas >"$log" 2>&1 &
fi
app=$!
gap=0.4 after=20 startup=60
[[ $mode == valgrind ]] && gap=${REPLAY_GAP:-20} after=${REPLAY_AFTER:-1200} startup=900
window=
for _ in $(seq "$startup"); do
  window=$(xdotool search --pid "$app" 2>/dev/null | head -1) && [[ -n $window ]] && break
  sleep 1
done
[[ -n $window ]] || { echo "no window appeared"; cat "$log"; exit 1; }
sleep 5

ended() {
  local status=0
  wait "$app" || status=$?
  echo "the program ended during the replay (exit $status)"
  grep -E "ERROR: AddressSanitizer|runtime error|SUMMARY|malloc|corrupt|free\(\)" "$log" | head -20
  [[ $mode == valgrind ]] && grep -E "ERROR SUMMARY|Invalid|uninitialised|freed|Mismatched" "$work/valgrind.log" | head -20
  exit 1
}
press() {
  kill -0 "$app" 2>/dev/null || ended
  xdotool windowfocus --sync "$window" 2>/dev/null || true
  xdotool key --window "$window" --delay 150 "$@"
  sleep "$gap"
}

press F5
for _ in 1 2 3 4 5 6; do press ctrl+equal; done
press ctrl+0
for _ in 1 2 3; do press ctrl+equal; done
for _ in 1 2 3 4 5; do press Next; done
press b; press space; press Home; press a
sleep "$after"
echo "reported sequence done"

keys=(Next Prior Home End a b space r p ctrl+equal ctrl+minus ctrl+0 F5 1 2 3 4 5 6 7 h f Escape Right Left
      F12 x u t i period F11 F1 Delete BackSpace)
w=${size%x*} h=${size#*x}
end=$(($(date +%s) + minutes * 60))
while (($(date +%s) < end)); do
  kill -0 "$app" 2>/dev/null || ended
  case $((RANDOM % 6)) in
    0 | 1) press "${keys[RANDOM % ${#keys[@]}]}" ;;
    2) xdotool mousemove --window "$window" $((w / 6 + RANDOM % (w * 5 / 8))) $((h / 7 + RANDOM % (h * 5 / 7))) mousedown 1 \
         mousemove_relative -- $((RANDOM % 200 - 100)) $((RANDOM % 100 - 50)) mouseup 1 ;;
    3) xdotool mousemove --window "$window" $((RANDOM % w)) $((RANDOM % h)) click 1 ;;
    4) xdotool mousemove --window "$window" $((w / 4 + RANDOM % (w * 5 / 9))) $((h / 7 + RANDOM % (h * 5 / 7))) click $((4 + RANDOM % 2)) ;;
    5) if ((RANDOM % 4 == 0)); then xdotool windowsize "$window" $((400 + RANDOM % 1400)) $((300 + RANDOM % 700)); else sleep 1; fi ;;
  esac
  sleep 0.3
  [[ $mode == valgrind ]] && sleep "$gap"
done
kill -0 "$app" 2>/dev/null || ended
kill -TERM "$app"
for _ in $(seq 120); do kill -0 "$app" 2>/dev/null || break; sleep 1; done  # valgrind writes its summary
kill -9 "$app" 2>/dev/null || true
[[ $mode == valgrind ]] && { echo "valgrind report: $work/valgrind.log"; grep -E "ERROR SUMMARY|definitely lost" "$work/valgrind.log"; }
echo "survived $minutes min of random use; $(grep -c . "$log") status lines, $(ls "$work"/Pictures/*.png "$work"/*.png 2>/dev/null | wc -l) screenshots"
