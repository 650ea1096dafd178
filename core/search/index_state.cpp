#include "search/index_state.hpp"

#include <sstream>

namespace lectern::search {

namespace {

// One item per line: paths and words never hold a newline.
std::string join_lines(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) out += item + '\n';
    return out;
}

std::vector<std::string> split(const std::string& text, char separator) {
    std::vector<std::string> out;
    std::stringstream in(text);
    for (std::string item; std::getline(in, item, separator);) {
        if (!item.empty()) out.push_back(item);
    }
    return out;
}

}  // namespace

IndexState read_state(const Xapian::Database& db) {
    IndexState s;
    const std::string format = db.get_metadata("lectern.format");
    if (format.empty()) return s;
    try {
        s.format = std::stoi(format);
    } catch (const std::exception&) {
        s.format = -1;  // unreadable: some other program's database, rebuilt
    }
    s.complete = db.get_metadata("lectern.complete") == "1";
    s.space = db.get_metadata("lectern.space");
    s.source = db.get_metadata("lectern.source");
    s.commit = db.get_metadata("lectern.commit");
    s.uncommitted = split(db.get_metadata("lectern.uncommitted"), '\n');
    for (const auto& line : split(db.get_metadata("lectern.stamps"), '\n')) {
        if (auto tab = line.find('\t'); tab != std::string::npos)
            s.stamps[line.substr(0, tab)] = line.substr(tab + 1);
    }
    s.languages = split(db.get_metadata("lectern.languages"), '\n');
    for (const auto& line : split(db.get_metadata("lectern.synonyms"), '\n'))
        s.synonyms.push_back(split(line, '\t'));
    return s;
}

void write_state(Xapian::WritableDatabase& db, const IndexState& s) {
    db.set_metadata("lectern.format", std::to_string(s.format));
    db.set_metadata("lectern.complete", s.complete ? "1" : "0");
    db.set_metadata("lectern.space", s.space);
    db.set_metadata("lectern.source", s.source);
    db.set_metadata("lectern.commit", s.commit);
    db.set_metadata("lectern.uncommitted", join_lines(s.uncommitted));
    std::string stamps;
    for (const auto& [path, stamp] : s.stamps) stamps += path + '\t' + stamp + '\n';
    db.set_metadata("lectern.stamps", stamps);
    db.set_metadata("lectern.languages", join_lines(s.languages));
    std::string synonyms;
    for (const auto& group : s.synonyms) {
        for (std::size_t i = 0; i < group.size(); ++i) synonyms += (i ? "\t" : "") + group[i];
        synonyms += '\n';
    }
    db.set_metadata("lectern.synonyms", synonyms);
}

}  // namespace lectern::search
