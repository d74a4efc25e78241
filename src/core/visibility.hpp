#pragma once
// Which structures are shown. Isolating one remembers the exact visibility before it, so leaving
// isolation gives the teacher back precisely what they had hidden and shown.

#include <optional>
#include <vector>

namespace psoas {

class Visibility {
public:
    explicit Visibility(std::size_t count = 0) : visible_(count, true) {}

    [[nodiscard]] bool visible(std::size_t index) const { return visible_.at(index); }
    [[nodiscard]] std::size_t size() const { return visible_.size(); }
    [[nodiscard]] bool isolated() const { return beforeIsolation_.has_value(); }

    void setVisible(std::size_t index, bool visible);
    void showAll();
    void isolate(std::size_t index);  // show only this one; remembers the earlier state
    void leaveIsolation();            // restores exactly the state before isolate()

private:
    std::vector<bool> visible_;
    std::optional<std::vector<bool>> beforeIsolation_;
};

}  // namespace psoas
