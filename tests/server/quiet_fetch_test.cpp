// Quiet fetches: the rewrite of a protocol v0 upload-pack request on pkt-line bodies (well
// formed, and malformed ones passed on untouched), the buffering in front of git, and the real
// server answering a marked request with the same pack, no progress text and fewer ACKs.

#include <gtest/gtest.h>

#include <fstream>
#include <map>

#include "http/quiet_fetch.hpp"
#include "http/upload_pack_request.hpp"
#include "http_probe.hpp"
#include "test_server.hpp"

namespace lectern::test {
namespace {

namespace fs = std::filesystem;
using server::trim_upload_pack_request;

std::string pkt(const std::string& text) {
    char length[5];
    std::snprintf(length, sizeof length, "%04zx", text.size() + 4);
    return length + text;
}

std::string id(char c) {
    return std::string(40, c);
}

/// libgit2 1.5's first want line.
const std::string kCaps = "multi_ack_detailed side-band-64k include-tag thin-pack ofs-delta ";

std::string request(const std::string& want, const std::vector<std::string>& haves, bool done,
                    const std::string& caps = kCaps) {
    std::string body = pkt("want " + want + " " + caps + "\n") + "0000";
    for (const auto& h : haves) body += pkt("have " + h + "\n");
    return body + (done ? pkt("done\n") : "0000");
}

/// A repository as a map from commit to parents: a chain 5 → 4 → 3 → 2 → 1 ('5' newest), and a
/// side branch b → a whose root is 1.
server::CommitParentsLookup history() {
    static const std::map<std::string, std::vector<std::string>> commits = {
        {id('5'), {id('4')}}, {id('4'), {id('3')}}, {id('3'), {id('2')}}, {id('2'), {id('1')}},
        {id('1'), {}},        {id('b'), {id('a')}}, {id('a'), {id('1')}},
    };
    return [](std::string_view c) -> std::optional<std::vector<std::string>> {
        const auto it = commits.find(std::string(c));
        if (it == commits.end()) return std::nullopt;
        return it->second;
    };
}

TEST(Server_QuietFetch, FirstRoundKeepsTheNewestHaveOfAChainAndAsksForNoProgress) {
    const auto trimmed = trim_upload_pack_request(
        request(id('9'), {id('5'), id('4'), id('3'), id('2'), id('1')}, false), history());
    ASSERT_TRUE(trimmed);
    EXPECT_EQ(trimmed->body, pkt("want " + id('9') + " " + kCaps + "no-progress\n") + "0000" +
                                 pkt("have " + id('5') + "\n") + "0000");
    EXPECT_EQ(trimmed->dropped_haves, 4u);
    EXPECT_TRUE(trimmed->added_no_progress);
}

TEST(Server_QuietFetch, DoneRoundDropsTheRepeatedHaveAndKeepsMoreWants) {
    // libgit2's last round: the haves acknowledged before (common, then the same id as ready).
    std::string body = pkt("want " + id('9') + " " + kCaps + "\n") + pkt("want " + id('8') + "\n") +
                       "0000" + pkt("have " + id('5') + "\n") + pkt("have " + id('5') + "\n") +
                       pkt("done\n");
    const auto trimmed = trim_upload_pack_request(body, history());
    ASSERT_TRUE(trimmed);
    EXPECT_EQ(trimmed->body, pkt("want " + id('9') + " " + kCaps + "no-progress\n") +
                                 pkt("want " + id('8') + "\n") + "0000" +
                                 pkt("have " + id('5') + "\n") + pkt("done\n"));
    EXPECT_EQ(trimmed->dropped_haves, 1u);
}

TEST(Server_QuietFetch, KeepsHavesTheServerLacksAndHavesNotKnownThroughAnEarlierOne) {
    // c: a commit only the client has (a local edit); b: another branch, not a parent of 5;
    // 4: parent of 5, dropped; a: parent of b, dropped; 2: grandparent of 4, but 3 was not sent,
    // so upload-pack would count it: kept.
    const auto trimmed = trim_upload_pack_request(
        request(id('9'), {id('c'), id('5'), id('b'), id('4'), id('a'), id('2')}, true), history());
    ASSERT_TRUE(trimmed);
    EXPECT_EQ(trimmed->body, pkt("want " + id('9') + " " + kCaps + "no-progress\n") + "0000" +
                                 pkt("have " + id('c') + "\n") + pkt("have " + id('5') + "\n") +
                                 pkt("have " + id('b') + "\n") + pkt("have " + id('2') + "\n") +
                                 pkt("done\n"));
    EXPECT_EQ(trimmed->dropped_haves, 2u);
}

TEST(Server_QuietFetch, NoProgressIsAddedOnceAndWithoutHavesOrCapabilities) {
    auto trimmed = trim_upload_pack_request(
        request(id('9'), {}, true, "side-band-64k no-progress ofs-delta"), history());
    ASSERT_TRUE(trimmed);
    EXPECT_FALSE(trimmed->added_no_progress);
    EXPECT_EQ(trimmed->body, request(id('9'), {}, true, "side-band-64k no-progress ofs-delta"));

    // "no-progress-x" is another capability.
    trimmed = trim_upload_pack_request(request(id('9'), {}, true, "no-progress-x"), history());
    ASSERT_TRUE(trimmed);
    EXPECT_EQ(trimmed->body, request(id('9'), {}, true, "no-progress-x no-progress"));

    trimmed =
        trim_upload_pack_request(pkt("want " + id('9') + "\n") + "0000" + pkt("done\n"), history());
    ASSERT_TRUE(trimmed);
    EXPECT_EQ(trimmed->body, pkt("want " + id('9') + " no-progress\n") + "0000" + pkt("done\n"));
}

TEST(Server_QuietFetch, MalformedOrOtherRequestsAreNotRewritten) {
    const std::string want = pkt("want " + id('9') + " " + kCaps + "\n");
    const std::string have5 = pkt("have " + id('5') + "\n");
    const std::vector<std::pair<const char*, std::string>> bodies = {
        {"empty", ""},
        {"a flush alone", "0000"},
        {"a cut length", "00"},
        {"a length that is no hex", "zzzzwant"},
        {"a length past the end", "00ffwant " + id('9') + "\n"},
        {"a length below 4", "0003"},
        {"a line cut short", want.substr(0, want.size() - 3)},
        {"no flush after the wants", want + have5 + pkt("done\n")},
        {"no end after the haves", want + "0000" + have5},
        {"something after done", want + "0000" + have5 + pkt("done\n") + "0000"},
        {"two rounds in one body", want + "0000" + have5 + "0000" + have5 + "0000"},
        {"a delimiter (protocol v2)", want + "0001" + "0000" + pkt("done\n")},
        {"protocol v2", pkt("command=fetch\n") + pkt("agent=git/2.39.5\n") + "0001" +
                            pkt("want " + id('9') + "\n") + pkt("done\n") + "0000"},
        {"a shallow clone", want + pkt("deepen 1\n") + "0000" + pkt("done\n")},
        {"a shallow line", want + pkt("shallow " + id('5') + "\n") + "0000" + pkt("done\n")},
        {"a filter", want + pkt("filter blob:none\n") + "0000" + pkt("done\n")},
        {"a SHA-256 want", pkt("want " + std::string(64, 'a') + "\n") + "0000" + pkt("done\n")},
        {"a SHA-256 have",
         want + "0000" + pkt("have " + std::string(64, 'a') + "\n") + pkt("done\n")},
        {"uppercase hex", pkt("want " + std::string(40, 'A') + "\n") + "0000" + pkt("done\n")},
        {"a have without its newline", want + "0000" + pkt("have " + id('5')) + pkt("done\n")},
        {"no space before the capabilities",
         pkt("want " + id('9') + "x\n") + "0000" + pkt("done\n")},
        {"capabilities on a second want",
         want + pkt("want " + id('8') + " ofs-delta\n") + "0000" + pkt("done\n")},
        {"a have among the wants", want + have5 + "0000" + pkt("done\n")},
        {"a gzip stream", std::string("\x1f\x8b\x08\x00\x00\x00\x00\x00", 8) + want},
        {"a first line that is no want", pkt("have " + id('5') + "\n") + "0000" + pkt("done\n")},
        {"an empty want line", pkt("want \n") + "0000" + pkt("done\n")},
    };
    for (const auto& [what, body] : bodies) {
        EXPECT_FALSE(trim_upload_pack_request(body, history())) << what;
    }
}

// What goes to git: quiet_fetch_body in front of a reader.

/// A request body handed on in parts of `part` bytes.
server::RequestBody parts_of(const std::string& body, std::size_t part, bool fails = false) {
    return [body, part, fails](const server::BodyReceiver& receive) {
        for (std::size_t at = 0; at < body.size(); at += part) {
            if (fails && at + part >= body.size()) return false;  // the connection broke
            if (!receive(body.data() + at, std::min(part, body.size() - at))) return false;
        }
        return true;
    };
}

std::string read_through(const server::RequestBody& body, bool* ok = nullptr) {
    std::string out;
    const bool read = body([&out](const char* data, std::size_t len) {
        out.append(data, len);
        return true;
    });
    if (ok) *ok = read;
    return out;
}

TEST(Server_QuietFetch, BodiesThatAreNotTrimmedReachGitByteForByte) {
    const fs::path no_repo = TestServer::get().fresh_dir("quiet-no-repo") / "missing.git";
    // Larger than the bound: streamed as it comes, never held whole.
    std::string large = pkt("want " + id('9') + " " + kCaps + "\n") + "0000";
    while (large.size() <= server::kMaxTrimmedBody) large += pkt("have " + id('5') + "\n");
    large += pkt("done\n");
    EXPECT_TRUE(read_through(server::quiet_fetch_body(parts_of(large, 1000), no_repo)) == large);

    const std::string malformed = pkt("want " + id('9') + "\n") + "00zz";
    EXPECT_EQ(read_through(server::quiet_fetch_body(parts_of(malformed, 7), no_repo)), malformed);

    // Well formed, but the repository cannot be read: passed on as it came.
    const std::string wellformed = request(id('9'), {id('5'), id('4')}, true);
    EXPECT_EQ(read_through(server::quiet_fetch_body(parts_of(wellformed, 5), no_repo)), wellformed);

    // Cut short: what arrived goes on, and the failure is reported.
    bool ok = true;
    const std::string cut =
        read_through(server::quiet_fetch_body(parts_of(wellformed, 10, true), no_repo), &ok);
    EXPECT_FALSE(ok);
    EXPECT_EQ(cut, wellformed.substr(0, cut.size()));
}

// The real server.

struct Answer {
    int status = 0;
    std::vector<std::string> acks;  ///< "ACK …" and "NAK" lines before the pack
    std::string pack;               ///< side-band channel 1
    std::string progress;           ///< side-band channel 2
};

Answer upload_pack(TestServer& s, const std::string& body, bool quiet) {
    std::vector<std::pair<std::string, std::string>> headers;
    if (quiet) headers.emplace_back("Lectern-Fetch", "quiet");
    const Probe p = request(s, "POST", "/alpha/content.git/git-upload-pack", "alpha-agent", body,
                            "application/x-git-upload-pack-request", "", headers);
    Answer a;
    a.status = p.status;
    std::string_view rest = p.body;
    while (rest.size() >= 4) {
        const std::size_t length = std::stoul(std::string(rest.substr(0, 4)), nullptr, 16);
        if (length < 4 || length > rest.size()) break;
        const std::string_view payload = rest.substr(4, length - 4);
        rest.remove_prefix(length);
        if (payload.substr(0, 3) == "ACK" || payload.substr(0, 3) == "NAK") {
            a.acks.emplace_back(payload);
        } else if (!payload.empty() && payload[0] == '\1') {
            a.pack += payload.substr(1);
        } else if (!payload.empty() && payload[0] == '\2') {
            a.progress += payload.substr(1);
        }
    }
    return a;
}

/// alpha's content with four new commits on top (each one line more in synonyms.txt); their
/// ids, newest first.
std::vector<std::string> four_new_commits(TestServer& s) {
    const fs::path dir = s.fresh_dir("quiet-push");
    auto r = s.git("clone -q " + s.repo_url("alpha") + " wc", dir, "alpha-trainer");
    if (r.exit_code != 0 || !fs::exists(dir / "wc" / "lectern.yaml")) {
        s.publish("alpha", sample_content());
        fs::remove_all(dir / "wc");
        r = s.git("clone -q " + s.repo_url("alpha") + " wc", dir, "alpha-trainer");
    }
    EXPECT_EQ(r.exit_code, 0) << r.output;
    for (int i = 0; i < 4; ++i) {
        std::ofstream(dir / "wc" / "synonyms.txt", std::ios::app)
            << "quiet" << i << " = hushed" << i << "\n";
        r = TestServer::sh("git commit -qam 'Quiet " + std::to_string(i) + "'", dir / "wc");
        EXPECT_EQ(r.exit_code, 0) << r.output;
    }
    r = s.git("push -q origin HEAD:main", dir / "wc", "alpha-trainer");
    EXPECT_EQ(r.exit_code, 0) << r.output;
    r = TestServer::sh("git rev-list --max-count=4 HEAD", dir / "wc");
    std::vector<std::string> ids;
    for (std::size_t at = 0; at + 40 <= r.output.size(); at += 41)
        ids.push_back(r.output.substr(at, 40));
    return ids;
}

TEST(Server_QuietFetch, MarkedRequestGetsTheSamePackWithoutProgressAndOneAckPerRound) {
    auto& s = TestServer::get();
    const auto ids = four_new_commits(s);
    ASSERT_EQ(ids.size(), 4u);
    // A client one commit behind, as libgit2 asks in its last round: its three newest commits.
    const std::string body = request(ids[0], {ids[1], ids[2], ids[3]}, true);
    const Answer plain = upload_pack(s, body, false);
    const Answer quiet = upload_pack(s, body, true);
    ASSERT_EQ(plain.status, 200);
    ASSERT_EQ(quiet.status, 200);
    ASSERT_EQ(plain.pack.substr(0, 4), "PACK");
    EXPECT_TRUE(quiet.pack == plain.pack) << "the packs differ";
    EXPECT_FALSE(plain.progress.empty());
    EXPECT_EQ(quiet.progress, "");
    // Each have upload-pack has is acknowledged, then the last once more for "done".
    EXPECT_EQ(plain.acks.size(), 4u);
    EXPECT_EQ(quiet.acks,
              (std::vector<std::string>{"ACK " + ids[1] + " common\n", "ACK " + ids[1] + "\n"}));

    // A first round (flush, no done): one have acknowledged, and ready.
    const Answer round = upload_pack(s, request(ids[0], {ids[1], ids[2], ids[3]}, false), true);
    EXPECT_EQ(round.acks, (std::vector<std::string>{"ACK " + ids[1] + " common\n",
                                                    "ACK " + ids[1] + " ready\n", "NAK\n"}));
}

TEST(Server_QuietFetch, MalformedMarkedRequestGetsGitsOwnAnswer) {
    auto& s = TestServer::get();
    // A have that is no object id: http-backend's upload-pack refuses it, with or without the
    // header.
    const std::string body = pkt("want " + id('9') + " " + kCaps + "\n") + "0000" +
                             pkt("have nothing\n") + pkt("done\n");
    const Answer plain = upload_pack(s, body, false);
    const Answer quiet = upload_pack(s, body, true);
    EXPECT_EQ(quiet.status, plain.status);
    EXPECT_EQ(quiet.pack, "");
    EXPECT_EQ(quiet.acks, plain.acks);
}

}  // namespace
}  // namespace lectern::test
