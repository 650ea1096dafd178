// The sign-off report in CSV, JSON and PDF, and the text PDF writer under it.

#include <gtest/gtest.h>

#include <fstream>

#include "common/diagnostic.hpp"
#include "common/text_pdf.hpp"
#include "content/space.hpp"
#include "content/version.hpp"
#include "ledger/ed25519.hpp"
#include "ledger/signoff_report.hpp"
#include "ledger_fixture.hpp"

namespace lectern::ledger {
namespace {

std::string pdf_to_text(const std::string& pdf) {
    test::TempDir dir("pdf");
    std::ofstream(dir.path() / "r.pdf", std::ios::binary) << pdf;
    const std::string raw = test::shell(
        "pdftotext -layout r.pdf - && pdfinfo r.pdf | grep -E '^(Pages|Title):'", dir.path());
    // Layout spacing is poppler's guess: compare words, one space apart.
    std::string text;
    for (const char c : raw)
        if (c != ' ' || text.empty() || text.back() != ' ') text += c;
    return text;
}

TEST(Ledger_TextPdf, IsAPdfThatPopplerReadsPageByPage) {
    std::vector<std::string> lines;
    for (int i = 1; i <= 130; ++i) lines.push_back("line " + std::to_string(i) + " (a\\b)");
    lines.push_back("Zażółć café");
    const std::string text = pdf_to_text(text_pdf(lines, {"My (report)", 58, 8}));
    EXPECT_NE(text.find("line 1 (a\\b)"), std::string::npos) << text;
    EXPECT_NE(text.find("line 130 (a\\b)"), std::string::npos) << text;
    EXPECT_NE(text.find("page 3 of 3"), std::string::npos) << text;
    EXPECT_NE(text.find("Pages: 3"), std::string::npos) << text;
    EXPECT_NE(text.find("Title: My (report)"), std::string::npos) << text;
    EXPECT_NE(text.find("Za?ó?? café"), std::string::npos) << text;  // Latin-1 only
}

TEST(Ledger_TextPdf, EmptyReportIsOneValidPage) {
    const std::string text = pdf_to_text(text_pdf({}, {}));
    EXPECT_NE(text.find("page 1 of 1"), std::string::npos) << text;
}

struct ReportFixture : ::testing::Test {
    test::ContentRepo repo;
    SigningKey key = SigningKey::generate();
    std::vector<StoredRecord> records;

    void SetUp() override {
        repo.write("procedures/vpn.md", test::procedure_file("vpn", "Always use the VPN.\n"));
        repo.write("procedures/lock.md", test::procedure_file("lock", "Lock the screen.\n"));
        repo.commit("First");
        sign("maria", "procedures/vpn.md", "vpn");
        sign("jan", "procedures/vpn.md", "vpn");
        sign("jan", "procedures/lock.md", "lock");
        repo.write("procedures/vpn.md", test::procedure_file("vpn", "Always use the VPN!\n"));
        repo.commit("Typo\n\nLectern-Change: minor\n");
        repo.write("procedures/lock.md",
                   test::procedure_file("lock", "Lock the screen, \"always\".\n"));
        repo.commit("Stricter");
    }

    void sign(const std::string& agent, const std::string& path, const std::string& id) {
        Record r;
        r.id = new_record_id();
        r.kind = "signoff";
        r.space = "alpha";
        r.agent = agent;
        r.device = "laptop";
        r.document_id = id;
        r.path = path;
        r.title = "T";
        r.content_commit = std::string(40, 'a');
        r.blob_id = content::git_blob_id(test::shell("cat " + path, repo.root()));
        r.meaning = "read and understood";
        r.signed_at = "2026-11-20T10:00:00Z";
        sign_record(r, key);
        records.push_back({r, std::string(40, 'c'), "refs/heads/agents/" + agent + "/laptop"});
    }

    SignoffReport report() {
        Diagnostics problems;
        const auto space = content::Space::load(repo.root(), problems);
        const auto content_repo = content::ContentRepository::open(repo.root());
        SignoffReport r;
        r.space = "alpha";
        r.scope = "space";
        r.content_commit = content_repo->head_commit();
        r.generated_at = "2026-11-23T12:00:00Z";
        r.statuses =
            signoff_statuses(space, *content_repo, "alpha", records, {"maria", "jan", "ola"});
        r.receipts[records[0].record.id] = {{"seq", 1},
                                            {"server_time", "2026-11-20T10:00:05Z"},
                                            {"flags", nlohmann::json::array()}};
        r.minor_changes = minor_changes_of(*content_repo, r.statuses);
        return r;
    }
};

using Ledger_Report = ReportFixture;

TEST_F(Ledger_Report, CsvHasOneRowPerAgentAndDocument) {
    const std::string csv = report_csv(report());
    std::vector<std::string> rows;
    for (std::size_t at = 0, end; (end = csv.find("\r\n", at)) != std::string::npos; at = end + 2)
        rows.push_back(csv.substr(at, end - at));
    ASSERT_EQ(rows.size(), 7u) << csv;  // header + 3 agents × 2 procedures
    EXPECT_EQ(rows[0].rfind("agent,document_id,path,title,required,state,", 0), 0u);
    EXPECT_NE(csv.find("jan,lock,procedures/lock.md,Procedure lock,required,needs-resign,"),
              std::string::npos)
        << csv;
    EXPECT_NE(csv.find("maria,vpn,procedures/vpn.md,Procedure vpn,required,signed,"),
              std::string::npos)
        << csv;
    EXPECT_NE(csv.find(",2026-11-20T10:00:05Z,"), std::string::npos);  // maria's receipt
    EXPECT_NE(csv.find("ola,lock,procedures/lock.md,Procedure lock,required,unsigned,"),
              std::string::npos)
        << csv;
}

TEST_F(Ledger_Report, JsonGroupsByAgentAndByDocumentWithMinorDiffs) {
    const auto json = report_json(report());
    ASSERT_EQ(json["by_agent"].size(), 3u);
    EXPECT_EQ(json["by_agent"][0]["agent"], "jan");
    const auto& docs = json["by_document"];
    ASSERT_EQ(docs.size(), 2u);
    const auto& vpn = docs[1];
    EXPECT_EQ(vpn["document_id"], "vpn");
    EXPECT_EQ(vpn["signed"], nlohmann::json({"jan", "maria"}));
    EXPECT_EQ(vpn["unsigned"], nlohmann::json({"ola"}));
    ASSERT_EQ(vpn["minor_changes"].size(), 1u);
    EXPECT_EQ(vpn["minor_changes"][0]["summary"], "Typo");
    EXPECT_NE(vpn["minor_changes"][0]["word_diff"].get<std::string>().find("[-.-]{+!+}"),
              std::string::npos)
        << vpn["minor_changes"][0]["word_diff"];
    EXPECT_EQ(docs[0]["needs_resign"], nlohmann::json({"jan"}));
}

TEST_F(Ledger_Report, PdfShowsWhoSignedAndTheMinorChange) {
    const std::string text = pdf_to_text(report_pdf(report()));
    EXPECT_NE(text.find("Sign-off report: space alpha"), std::string::npos) << text;
    EXPECT_NE(text.find("needs-resign lock"), std::string::npos) << text;
    EXPECT_NE(text.find("received 2026-11-20T10:00:05Z"), std::string::npos) << text;
    EXPECT_NE(text.find("minor change"), std::string::npos) << text;
    EXPECT_NE(text.find("[-.-]"), std::string::npos) << text;
}

}  // namespace
}  // namespace lectern::ledger
