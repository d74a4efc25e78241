#pragma once
// Which structures are shown, and how faded. Isolating one remembers the exact state before it, so
// leaving isolation gives the teacher back precisely what they had hidden, shown and faded.

#include <optional>
#include <vector>

namespace psoas {

class Visibility {
public:
    // 0.3: faded structures stay readable as context while what is behind them shows through.
    static constexpr float kFadedOpacity = 0.3f;

    explicit Visibility(std::size_t count = 0) : visible_(count, true), opacity_(count, 1.0f) {}

    [[nodiscard]] bool visible(std::size_t index) const { return visible_.at(index); }
    [[nodiscard]] float opacity(std::size_t index) const { return opacity_.at(index); }
    [[nodiscard]] std::size_t size() const { return visible_.size(); }
    [[nodiscard]] bool isolated() const { return beforeIsolation_.has_value(); }

    void setVisible(std::size_t index, bool visible);
    void setOpacity(std::size_t index, float opacity);  // clamped to [0.05, 1]
    void toggleFaded(std::size_t index);               // opaque <-> kFadedOpacity
    void showAll();
    void isolate(std::size_t index);  // show only this one; remembers the earlier state
    void leaveIsolation();            // restores exactly the state before isolate()

    bool operator==(const Visibility&) const = default;

private:
    struct Snapshot {
        std::vector<bool> visible;
        std::vector<float> opacity;
        bool operator==(const Snapshot&) const = default;
    };
    std::vector<bool> visible_;
    std::vector<float> opacity_;
    std::optional<Snapshot> beforeIsolation_;
};

}  // namespace psoas
