# Sourced by sanitize.sh and asan_classroom.sh (from the project root): the sanitizers' options
# for a run of the program or its tests under Xvfb with Mesa's llvmpipe, and `preload`, the
# command prefix that keeps Mesa's driver loaded.
supp=$PWD/tests/sanitizer/lsan.supp
export LIBGL_ALWAYS_SOFTWARE=1
# detect_leaks: LeakSanitizer at exit; abort_on_error: a core-dump-style abort that ctest reports
# as a failure; strict_string_checks and check_initialization_order catch more misuse.
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1:check_initialization_order=1:detect_stack_use_after_return=1
export LSAN_OPTIONS=suppressions=$supp:print_suppressions=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# Mesa loads its llvmpipe driver with dlopen and unloads it at exit, before LeakSanitizer runs:
# memory the driver still pointed to then looks leaked, from an "<unknown module>". Preloading the
# driver keeps it mapped, so LSan sees those pointers (no leak) and names the module in any real
# report. verify_asan_link_order=0 because the preload now comes before the ASan runtime.
dri=$(ls /usr/lib/*/dri/swrast_dri.so 2>/dev/null | head -1 || true)
preload=()
if [[ -n $dri ]]; then
  preload=(env "LD_PRELOAD=$dri")
  ASAN_OPTIONS=$ASAN_OPTIONS:verify_asan_link_order=0
fi
