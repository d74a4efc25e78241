#include "app/input_script.hpp"

#include "core/diagnostic.hpp"
#include "core/number_text.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>
#include <utility>

namespace psoas::app {

namespace {

std::vector<std::string> keyNames() {
    return {"a", "0", "f1", "space", "escape", "enter", "left", "right", "up", "down", "pageup", "pagedown",
            "home", "end", "period", "equal", "minus", "backspace", "delete"};
}

struct Words {
    std::vector<std::string> items;
    std::vector<int> columns;  // 1-based
};

Words split(const std::string& line) {
    Words words;
    std::size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
        if (i >= line.size() || line[i] == '#') break;
        const std::size_t start = i;
        while (i < line.size() && line[i] != ' ' && line[i] != '\t') ++i;
        words.items.push_back(line.substr(start, i - start));
        words.columns.push_back(static_cast<int>(start) + 1);
    }
    return words;
}

class LineParser {
public:
    LineParser(const std::filesystem::path& file, int line, Words words, std::vector<Diagnostic>& problems)
        : file_(file), line_(line), words_(std::move(words)), problems_(problems) {}

    bool count(std::size_t least, std::size_t most, const char* usage) {
        const std::size_t arguments = words_.items.size() - 1;
        if (arguments >= least && arguments <= most) return true;
        fail(0, std::string("expected '") + usage + "'");
        return false;
    }
    bool number(std::size_t word, double low, double high, double& out) {
        const std::string& text = words_.items[word];
        const std::optional<double> value = parseDecimal(text);
        if (!value || *value < low || *value > high) {
            std::ostringstream message;
            message << "'" << text << "' is not a number from " << low << " to " << high;
            fail(word, message.str());
            return false;
        }
        out = *value;
        return true;
    }
    bool point(std::size_t word, glm::vec2& out) {
        double x = 0.0, y = 0.0;
        if (!number(word, 0.0, 16384.0, x) || !number(word + 1, 0.0, 16384.0, y)) return false;
        out = {static_cast<float>(x), static_cast<float>(y)};
        return true;
    }
    void fail(std::size_t word, std::string message) {
        problems_.push_back({file_, line_, words_.columns[std::min(word, words_.columns.size() - 1)], std::move(message)});
    }
    [[nodiscard]] const std::string& word(std::size_t i) const { return words_.items[i]; }
    [[nodiscard]] std::size_t size() const { return words_.items.size(); }

private:
    const std::filesystem::path& file_;
    int line_;
    Words words_;
    std::vector<Diagnostic>& problems_;
};

bool parseKey(LineParser& p, ScriptCommand& command) {
    if (!p.count(1, 1, "key [ctrl+][shift+][alt+]NAME")) return false;
    // Either case, as keys are written on keyboards and in menus: "F12", "Ctrl+S", "Escape"
    // (tester, session 16, got "no key 'F12'").
    std::string lower = p.word(1);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    std::string_view rest = lower;
    for (const auto& [prefix, bit] : {std::pair<std::string_view, int>{"ctrl+", modifier::Control},
                                      {"shift+", modifier::Shift}, {"alt+", modifier::Alt}})
        if (rest.substr(0, prefix.size()) == prefix) {
            command.chord.mods |= bit;
            rest.remove_prefix(prefix.size());
        }
    command.chord.key = keyNamed(rest);
    if (command.chord.key != Key::Unknown) return true;
    const std::string guess = closestMatch(std::string(rest), keyNames());
    const std::string& written = p.word(1);  // as the script has it
    p.fail(1, "no key '" + written.substr(written.size() - rest.size()) + "'" + (guess.empty() ? "" : " (did you mean '" + guess + "'?)"));
    return false;
}

bool parseMove(LineParser& p, ScriptCommand& command) { return p.count(2, 2, "move X Y") && p.point(1, command.to); }
bool parseClick(LineParser& p, ScriptCommand& command) { return p.count(2, 2, "click X Y") && p.point(1, command.to); }

bool parseDrag(LineParser& p, ScriptCommand& command) {
    if (!p.count(4, 7, "drag X1 Y1 X2 Y2 [right] [alt] [hold]") || !p.point(1, command.from) || !p.point(3, command.to)) return false;
    for (std::size_t i = 5; i < p.size(); ++i) {
        const std::string& word = p.word(i);
        bool* option = word == "right" ? &command.right : word == "alt" ? &command.alt : word == "hold" ? &command.hold : nullptr;
        if (option == nullptr || *option) return p.fail(i, "expected 'right', 'alt' or 'hold', each at most once"), false;
        *option = true;
    }
    return true;
}

bool parseRelease(LineParser& p, ScriptCommand&) { return p.count(0, 0, "release"); }

bool parseScroll(LineParser& p, ScriptCommand& command) {
    return p.count(1, 1, "scroll NOTCHES") && p.number(1, -100.0, 100.0, command.value);
}

bool parseWait(LineParser& p, ScriptCommand& command) {
    return p.count(1, 1, "wait SECONDS") && p.number(1, 0.0, 3600.0, command.value);
}

bool parseLesson(LineParser& p, ScriptCommand& command) {
    if (!p.count(1, 2, "lesson ID [STEP]")) return false;
    command.name = p.word(1);
    command.value = 1.0;
    return p.size() == 2 || p.number(2, 1.0, 1000.0, command.value);
}

bool parseScreenshot(LineParser& p, ScriptCommand& command) {
    if (!p.count(1, 1, "screenshot NAME")) return false;
    command.name = p.word(1);
    // The image is NAME.png: "screenshot card.png" means card.png, not card.png.png.
    if (command.name.size() > 4 && command.name.compare(command.name.size() - 4, 4, ".png") == 0) command.name.resize(command.name.size() - 4);
    if (command.name.find_first_of("/\\") == std::string::npos && command.name != "." && command.name != "..") return true;
    return p.fail(1, "a screenshot name is a file name, not a path"), false;
}

bool parseType(LineParser& p, ScriptCommand& command) {
    if (!p.count(1, 1000, "type TEXT")) return false;
    for (std::size_t i = 1; i < p.size(); ++i) command.name += (i > 1 ? " " : "") + p.word(i);
    return true;
}

// Each command of the script language: its first word, its kind, and the parser of its arguments.
struct Verb {
    const char* name;
    ScriptCommand::Kind kind;
    bool (*parse)(LineParser&, ScriptCommand&);
};
constexpr Verb kVerbs[] = {{"key", ScriptCommand::Kind::Key, parseKey},
                           {"move", ScriptCommand::Kind::Move, parseMove},
                           {"click", ScriptCommand::Kind::Click, parseClick},
                           {"drag", ScriptCommand::Kind::Drag, parseDrag},
                           {"release", ScriptCommand::Kind::Release, parseRelease},
                           {"scroll", ScriptCommand::Kind::Scroll, parseScroll},
                           {"wait", ScriptCommand::Kind::Wait, parseWait},
                           {"lesson", ScriptCommand::Kind::Lesson, parseLesson},
                           {"screenshot", ScriptCommand::Kind::Screenshot, parseScreenshot},
                           {"type", ScriptCommand::Kind::Type, parseType}};

bool parseCommand(LineParser& p, ScriptCommand& command) {
    const std::string& verb = p.word(0);
    for (const Verb& known : kVerbs)
        if (verb == known.name) {
            command.kind = known.kind;
            return known.parse(p, command);
        }
    std::vector<std::string> names;
    for (const Verb& known : kVerbs) names.emplace_back(known.name);
    const std::string guess = closestMatch(verb, names);
    p.fail(0, "no command '" + verb + "'" + (guess.empty() ? "" : " (did you mean '" + guess + "'?)"));
    return false;
}

}  // namespace

std::vector<ScriptCommand> parseInputScript(std::string_view text, const std::filesystem::path& file) {
    std::vector<ScriptCommand> commands;
    std::vector<Diagnostic> problems;
    std::istringstream in{std::string(text)};
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        Words words = split(line);
        if (words.items.empty()) continue;
        LineParser parser(file, number, std::move(words), problems);
        ScriptCommand command;
        command.line = number;
        if (parseCommand(parser, command)) commands.push_back(std::move(command));
    }
    if (!problems.empty()) throw DataFileError(std::move(problems));
    return commands;
}

std::vector<ScriptCommand> loadInputScript(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw DataFileError({{file, 0, 0, "cannot be read"}});
    std::ostringstream text;
    text << in.rdbuf();
    return parseInputScript(text.str(), file);
}

}  // namespace psoas::app
