#pragma once

#include <cstdint>
#include <vector>

namespace brokerlab {

// A FIFO of 32-bit indices (message slots) on a power-of-two ring: pushes at both ends, no
// allocation once it has grown to the largest backlog seen, and a plain value that copies with
// the simulator state (std::deque would allocate per block and hide its layout).
class IndexRing {
 public:
  bool empty() const { return size_ == 0; }
  std::uint32_t size() const { return size_; }
  std::uint32_t front() const { return slots_[head_]; }
  std::uint32_t at(std::uint32_t i) const { return slots_[(head_ + i) & mask()]; }

  void pushBack(std::uint32_t v) {
    if (size_ == slots_.size()) grow();
    slots_[(head_ + size_) & mask()] = v;
    ++size_;
  }
  void pushFront(std::uint32_t v) {
    if (size_ == slots_.size()) grow();
    head_ = (head_ + static_cast<std::uint32_t>(slots_.size()) - 1) & mask();
    slots_[head_] = v;
    ++size_;
  }
  void clear() {
    head_ = 0;
    size_ = 0;
  }
  std::uint32_t popFront() {
    const std::uint32_t v = slots_[head_];
    head_ = (head_ + 1) & mask();
    --size_;
    return v;
  }

  // Where front() reads and where the next pushBack() writes, for a prefetch (null before the
  // ring has storage).
  const std::uint32_t* frontSlot() const {
    return slots_.empty() ? nullptr : slots_.data() + head_;
  }
  const std::uint32_t* backSlot() const {
    return slots_.empty() ? nullptr : slots_.data() + ((head_ + size_) & mask());
  }

  // Heap bytes held (what a copy of this costs beyond sizeof).
  std::size_t memoryBytes() const { return slots_.capacity() * sizeof(std::uint32_t); }
  bool operator==(const IndexRing& o) const {
    if (size_ != o.size_) return false;
    for (std::uint32_t i = 0; i < size_; ++i)
      if (at(i) != o.at(i)) return false;
    return true;
  }

 private:
  std::uint32_t mask() const { return static_cast<std::uint32_t>(slots_.size()) - 1; }
  void grow() {
    std::vector<std::uint32_t> bigger(slots_.empty() ? 8 : slots_.size() * 2);
    for (std::uint32_t i = 0; i < size_; ++i) bigger[i] = at(i);
    slots_.swap(bigger);
    head_ = 0;
  }

  std::vector<std::uint32_t> slots_;
  std::uint32_t head_ = 0;
  std::uint32_t size_ = 0;
};

}  // namespace brokerlab
