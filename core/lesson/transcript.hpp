#pragma once
// A lesson's body is its transcript. A paragraph that starts with a time in brackets
// ("[1:05] Now open the refund form.") belongs to the step shown at that time.

#include <string>
#include <string_view>
#include <vector>

namespace lectern::lesson {

struct TranscriptPart {
    double at = -1;    ///< seconds of the time marker; -1 before the first marker
    int line = 0;      ///< line of the body (from 1) where the part starts
    std::string text;  ///< the paragraphs up to the next marker, marker removed
};

/// Splits a body at its time markers: [m:ss], [mm:ss] or [h:mm:ss] at the start of a line.
std::vector<TranscriptPart> transcript_parts(std::string_view body);

/// The index of the chapter shown at time `t`: the last whose start is at or before it
/// (0 when `t` is before every chapter). `starts` are the chapters' times, ascending.
std::size_t chapter_at(const std::vector<double>& starts, double t);

}  // namespace lectern::lesson
