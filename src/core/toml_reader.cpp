#include "core/toml_reader.hpp"

namespace psoas {

Diagnostic diagnosticAt(const std::filesystem::path& file, const toml::source_region& where, std::string message) {
    return {file, static_cast<int>(where.begin.line), static_cast<int>(where.begin.column), std::move(message)};
}

toml::table parseTomlOrThrow(std::string_view text, const std::filesystem::path& file) {
    try {
        return toml::parse(text, file.string());
    } catch (const toml::parse_error& e) {
        throw DataFileError({diagnosticAt(file, e.source(), std::string(e.description()))});
    }
}

}  // namespace psoas
