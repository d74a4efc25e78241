#pragma once
// Reads a decimal number written by a person (a command-line value, a script word) the same way on
// every platform: the whole text must be the number, in the C locale ("1.5", "-2", "3e-1"); no
// leading space or '+', no hexadecimal. std::from_chars for floating point would do exactly this,
// but the browser build's standard library (libc++ 14) does not have it.

#include <optional>
#include <string>
#include <string_view>

namespace psoas {

// The number, or nothing when `text` is not one decimal number (infinity and NaN are refused).
[[nodiscard]] std::optional<double> parseDecimal(std::string_view text);

// `share` (1 = 100 %) as whole percent, "250\u00a0%": a no-break space between the number and the
// sign, so a wrapped line never leaves the "%" alone (fresh tester, issue 14: the text-size toast
// at 250 % put it on a line of its own).
[[nodiscard]] std::string percentText(double share);

}  // namespace psoas
