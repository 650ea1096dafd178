#include "quiz/draw.hpp"

#include <algorithm>
#include <numeric>
#include <random>

#include "quiz/scoring.hpp"

namespace lectern::quiz {

namespace {

class SplitMix64 {
  public:
    explicit SplitMix64(std::uint64_t seed) : state_(seed) {}

    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }

    /// Uniform in [0, bound), without modulo bias.
    std::uint64_t below(std::uint64_t bound) {
        const std::uint64_t limit = ~std::uint64_t{0} - (~std::uint64_t{0} % bound);
        std::uint64_t v = next();
        while (v >= limit) v = next();
        return v % bound;
    }

  private:
    std::uint64_t state_;
};

template <typename T>
void shuffle(std::vector<T>& items, SplitMix64& rng) {
    for (std::size_t i = items.size(); i > 1; --i) {
        const auto j = static_cast<std::size_t>(rng.below(i));
        std::swap(items[i - 1], items[j]);
    }
}

std::vector<std::size_t> iota_of(std::size_t n) {
    std::vector<std::size_t> v(n);
    std::iota(v.begin(), v.end(), std::size_t{0});
    return v;
}

}  // namespace

std::vector<DrawnQuestion> draw_questions(const GiftBank& bank, const QuizSettings& settings,
                                          std::uint64_t seed) {
    SplitMix64 rng(seed);
    std::vector<std::size_t> pool;
    for (std::size_t i = 0; i < bank.questions.size(); ++i) {
        if (bank.questions[i].kind != QuestionKind::Description) pool.push_back(i);
    }
    if (settings.pool_size && *settings.pool_size < pool.size()) {
        shuffle(pool, rng);
        pool.resize(*settings.pool_size);
        if (!settings.shuffle) std::sort(pool.begin(), pool.end());
    } else if (settings.shuffle) {
        shuffle(pool, rng);
    }
    std::vector<DrawnQuestion> drawn;
    for (std::size_t index : pool) {
        const Question& q = bank.questions[index];
        DrawnQuestion d{index, {}};
        if (q.kind == QuestionKind::MultipleChoice) {
            d.option_order = iota_of(q.answers.size());
            if (settings.shuffle) shuffle(d.option_order, rng);
        } else if (q.kind == QuestionKind::Matching) {
            d.option_order = iota_of(match_options(q).size());
            shuffle(d.option_order, rng);
        }
        drawn.push_back(std::move(d));
    }
    return drawn;
}

std::uint64_t random_seed() {
    std::random_device device;
    return (static_cast<std::uint64_t>(device()) << 32) ^ device();
}

}  // namespace lectern::quiz
