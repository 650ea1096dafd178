// lectern lesson view LESSON [--step N] | lectern lesson complete LESSON [--passphrase-fd N]

#include "lesson_viewing_commands.hpp"

#include <iostream>
#include <optional>

#include "commands.hpp"
#include "common/diagnostic.hpp"
#include "common/error.hpp"
#include "content/history.hpp"
#include "content/space.hpp"
#include "ledger/local_ledger.hpp"
#include "ledger/signing.hpp"
#include "ledger/signoff_status.hpp"
#include "lesson/completion_records.hpp"
#include "lesson/lesson_document.hpp"
#include "lesson/transcript.hpp"
#include "lesson/video_info.hpp"
#include "lesson/viewing_store.hpp"
#include "passphrase_input.hpp"
#include "signer_identity.hpp"
#include "signing_tries.hpp"
#include "signoff_space.hpp"

namespace lectern::cli {

namespace {

// "lessons/refund-in-crm", "lessons/refund-in-crm/" or "refund-in-crm" -> the id.
std::string lesson_id_of(std::string name) {
    while (!name.empty() && name.back() == '/') name.pop_back();
    if (name.rfind("lessons/", 0) == 0) name = name.substr(8);
    return name;
}

struct LoadedLesson {
    SignoffSpace where;
    content::Space space;
    const content::Document* doc = nullptr;
    lesson::LessonOutline outline;
    std::filesystem::path progress_file;
};

LoadedLesson load_lesson(const std::string& space_option, const std::string& name) {
    SignoffSpace where = locate_signoff_space(space_option);
    Diagnostics problems;
    content::Space space = content::Space::load(where.content, problems);
    LoadedLesson l{std::move(where), std::move(space), nullptr, {}, {}};
    l.doc = l.space.find_by_id(lesson_id_of(name));
    if (!l.doc || l.doc->type != content::DocumentType::Lesson)
        throw Error(ErrorKind::NotFound, "no lesson with id '" + lesson_id_of(name) + "' in " +
                                             l.where.content.string() +
                                             ": `lectern list --type lesson` lists them");
    l.outline = lesson::lesson_outline(*l.doc);
    l.progress_file = lesson::viewing_file(l.where.name, l.outline.id);
    return l;
}

struct ViewArgs {
    std::string lesson, space;
    int step = 0;
};

int run_view(const ViewArgs& a) {
    const LoadedLesson l = load_lesson(a.space, a.lesson);
    lesson::ViewingProgress progress = lesson::load_viewing(l.progress_file, l.outline.version,
                                                            l.outline.duration, l.outline.steps);
    lesson::LessonDocument doc;
    doc.fields = *l.doc->front_matter;
    const auto chapters = doc.chapters();
    if (a.step == 0) {  // the overview: nothing is recorded
        std::cout << l.doc->title << " (" << lesson::format_time(l.outline.duration) << ", "
                  << chapters.size() << " steps)\n";
        for (std::size_t i = 0; i < chapters.size(); ++i) {
            std::cout << (progress.steps_viewed.count(i) ? "  [x] " : "  [ ] ") << i + 1 << ". "
                      << lesson::format_time(chapters[i].at) << "  " << chapters[i].title << '\n';
        }
        std::cout << (progress.complete() ? "Completed: `lectern lesson complete " + l.outline.id +
                                                "` records it.\n"
                                          : "So far: " + lesson::what_is_left(progress) + "\n");
        return kOk;
    }
    if (a.step < 1 || static_cast<std::size_t>(a.step) > chapters.size()) {
        std::cerr << "lectern: the lesson has steps 1 to " << chapters.size() << '\n';
        return kFailure;
    }
    const std::size_t i = static_cast<std::size_t>(a.step - 1);
    const auto& chapter = chapters[i];
    const std::filesystem::path folder = (l.where.content / l.doc->path).parent_path();
    std::cout << "Step " << a.step << " of " << chapters.size() << " at "
              << lesson::format_time(chapter.at) << ": " << chapter.title << '\n';
    if (!chapter.frame.empty())
        std::cout << "Key frame: "
                  << std::filesystem::absolute(folder / chapter.frame).lexically_normal().string()
                  << '\n';
    std::vector<double> starts;
    for (const auto& c : chapters) starts.push_back(c.at);
    for (const auto& part : lesson::transcript_parts(l.doc->body)) {
        if (part.at >= 0 && lesson::chapter_at(starts, part.at) == i)
            std::cout << '\n' << part.text << '\n';
    }
    progress.steps_viewed.insert(i);
    lesson::save_viewing(l.progress_file, l.outline.version, progress);
    if (progress.complete())
        std::cout << "\nEvery step viewed: `lectern lesson complete " << l.outline.id
                  << "` records the completion.\n";
    return kOk;
}

struct CompleteArgs {
    std::string lesson, space;
    std::optional<int> passphrase_fd;
};

int run_complete(const CompleteArgs& a) {
    const LoadedLesson l = load_lesson(a.space, a.lesson);
    const lesson::ViewingProgress progress = lesson::load_viewing(
        l.progress_file, l.outline.version, l.outline.duration, l.outline.steps);
    if (!progress.complete()) {
        std::cerr << "lectern: " << l.outline.id
                  << " is not completed yet: " << lesson::what_is_left(progress)
                  << ". Watch it in the app, or read its steps with `lectern lesson view "
                  << l.outline.id << " --step N`.\n";
        return kFindings;
    }
    const sync::ClientConfig config = require_client_config();
    auto key = enrolled_key(config);
    if (!key) {
        std::cerr << "lectern: this device is not enrolled for " << config.user
                  << ": run `lectern enroll` first\n";
        return kFailure;
    }
    if (const auto ledger = ledger::LocalLedger::open(l.where.ledger)) {
        const auto done = lesson::completed_lessons(ledger::ledger_records(*ledger, config.user),
                                                    l.where.name, config.user);
        const auto it = done.find(l.outline.id);
        if (it != done.end() && it->second.record.blob_id == l.outline.version) {
            std::cout << l.outline.id << " was completed already (record " << it->second.record.id
                      << ", " << it->second.record.signed_at << ")\n";
            return kOk;
        }
    }
    const auto repository = content::ContentRepository::open(l.where.content);
    if (!repository) {
        std::cerr << "lectern: " << l.where.content.string() << " is not a git working tree\n";
        return kFailure;
    }
    const ledger::DocumentToSign lesson =
        lesson::lesson_to_sign(l.space, *repository, l.where.name, l.outline.id);
    std::cout << "Sign \"" << lesson::kMeaningLessonCompleted << "\" for " << lesson.title << " ("
              << lesson.path << ")\n";
    const auto signed_record = sign_with_passphrase(
        [&] { return lesson::completion_signing_request(lesson, progress, *key, l.where.ledger); },
        a.passphrase_fd, "Passphrase to sign this completion: ");
    if (signed_record) {
        std::cout << "Completed and signed: record " << signed_record->id << " (commit "
                  << signed_record->commit.substr(0, 12)
                  << "); it reaches the server on the next `lectern sync`.\n";
        return kOk;
    }
    std::cerr << "lectern: the completion was not signed, so it is not recorded\n";
    return kFailure;
}

}  // namespace

void add_lesson_viewing_commands(CLI::App& lesson, int& exit_code) {
    auto view = std::make_shared<ViewArgs>();
    CLI::App* cmd = lesson.add_subcommand(
        "view",
        "Read a lesson's storyboard in the terminal: without --step, the steps and what is left "
        "to complete; with --step N, that step's caption, key frame and transcript, recorded as "
        "viewed on this machine.");
    cmd->add_option("LESSON", view->lesson, "The lesson's id, like refund-in-crm")->required();
    cmd->add_option("--step", view->step, "The step to show, from 1")->check(CLI::PositiveNumber);
    cmd->add_option("--space", view->space,
                    "A synced space's name or content folder; default: as `lectern sign`");
    cmd->callback([view, &exit_code] { exit_code = run_view(*view); });

    auto complete = std::make_shared<CompleteArgs>();
    cmd = lesson.add_subcommand(
        "complete",
        "Sign a lesson-completion record into this machine's ledger clone, when the viewing "
        "recorded here (the app's player and storyboard, `lectern lesson view --step`) shows "
        "at least 90% watched or every step viewed. Exit 1 when it does not.");
    cmd->add_option("LESSON", complete->lesson, "The lesson's id")->required();
    cmd->add_option("--space", complete->space,
                    "A synced space's name or content folder; default: as `lectern sign`");
    add_passphrase_fd_option(*cmd, complete->passphrase_fd);
    cmd->callback([complete, &exit_code] { exit_code = run_complete(*complete); });
}

}  // namespace lectern::cli
