#include "sync/git_transfer.hpp"

#include <git2.h>

#include <string_view>

#include "common/error.hpp"
#include "common/git_handles.hpp"
#include "common/libgit2.hpp"
#include "common/log.hpp"
#include "sync/nodelay_stream.hpp"

namespace lectern::sync {

namespace {

// What the callbacks of one transfer share. libgit2 calls them on the transferring thread.
struct TransferState {
    const Credentials* credentials = nullptr;
    const Progress* progress = nullptr;
    int credential_attempts = 0;
    bool cancelled = false;
    std::string server_messages;
    std::vector<RefPushResult> refs;
};

int provide_credentials(git_credential** out, const char* /*url*/, const char* /*user_from_url*/,
                        unsigned int allowed, void* payload) {
    auto& state = *static_cast<TransferState*>(payload);
    // libgit2 asks again after every 401: a second time means the server refused the token,
    // and asking forever would only lock the account through the server's login throttle.
    if (state.credentials->user.empty() || !(allowed & GIT_CREDENTIAL_USERPASS_PLAINTEXT) ||
        ++state.credential_attempts > 1) {
        return GIT_EAUTH;
    }
    return git_credential_userpass_plaintext_new(out, state.credentials->user.c_str(),
                                                 state.credentials->token.c_str());
}

int on_fetch_progress(const git_indexer_progress* stats, void* payload) {
    auto& state = *static_cast<TransferState*>(payload);
    if (state.progress->cancelled()) {
        state.cancelled = true;
        return GIT_EUSER;
    }
    if (stats->received_objects < stats->total_objects || stats->indexed_deltas == 0) {
        state.progress->step("receiving", stats->received_objects, stats->total_objects,
                             stats->received_bytes);
    } else {
        state.progress->step("resolving", stats->indexed_deltas, stats->total_deltas,
                             stats->received_bytes);
    }
    return 0;
}

int on_push_progress(unsigned int current, unsigned int total, size_t bytes, void* payload) {
    auto& state = *static_cast<TransferState*>(payload);
    if (state.progress->cancelled()) {
        state.cancelled = true;
        return GIT_EUSER;
    }
    state.progress->step("pushing", current, total, bytes);
    return 0;
}

int on_server_message(const char* text, int length, void* payload) {
    auto& state = *static_cast<TransferState*>(payload);
    state.server_messages.append(text, static_cast<std::size_t>(length));
    if (state.progress->cancelled()) {
        state.cancelled = true;
        return GIT_EUSER;
    }
    return 0;
}

int on_ref_pushed(const char* refname, const char* status, void* payload) {
    auto& state = *static_cast<TransferState*>(payload);
    state.refs.push_back({refname, status == nullptr, status ? status : ""});
    return 0;
}

void check_url(const std::string& url) {
    if (url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0) {
        throw Error(ErrorKind::InvalidArgument,
                    "'" + url + "' is not an http:// or https:// repository address");
    }
}

git::RemotePtr anonymous_remote(git_repository* repo, const std::string& url) {
    git_remote* raw = nullptr;
    git_remote_create_options opts = GIT_REMOTE_CREATE_OPTIONS_INIT;
    opts.repository = repo;
    // url.*.insteadOf is matched with a regex that libgit2 1.5 built against PCRE2 leaks on
    // every call; Lectern's URLs come from the server or the user, never from rewrites.
    opts.flags = GIT_REMOTE_CREATE_SKIP_INSTEADOF | GIT_REMOTE_CREATE_SKIP_DEFAULT_FETCHSPEC;
    if (git_remote_create_with_opts(&raw, url.c_str(), &opts) != 0)
        throw libgit2_error("preparing the remote " + url);
    return git::RemotePtr(raw);
}

// Turns the failure libgit2 just reported into a reason and a sentence for a person.
TransferFailure classify(int rc, const TransferState& state, const std::string& url,
                         const char* doing) {
    const git_error* e = git_error_last();
    const std::string detail = e && e->message ? e->message : "unknown error";
    const int klass = e ? e->klass : GIT_ERROR_NONE;
    const std::string& user = state.credentials->user;
    if (state.cancelled || state.progress->cancelled())
        return {TransferFailureReason::Cancelled,
                std::string(doing) + " " + url + " was cancelled"};
    if (rc == GIT_EAUTH || detail.find("401") != std::string::npos ||
        detail.find("authentication") != std::string::npos) {
        return {TransferFailureReason::Unauthorized,
                "the server refused the credentials" + (user.empty() ? "" : " of " + user) +
                    " for " + url +
                    " (401: wrong, expired or revoked token); run `lectern login` again"};
    }
    if (detail.find("403") != std::string::npos) {
        return {TransferFailureReason::Forbidden,
                (user.empty() ? std::string("this user") : user) + " may not " + doing + " " + url +
                    " (403): your role in the space does not allow it; ask an admin if it should"};
    }
    if (detail.find("404") != std::string::npos) {
        // lectern-server answers 404 to non-members too, so as not to tell who has which space.
        return {TransferFailureReason::NotFound,
                "the server has no repository at " + url +
                    (user.empty() ? std::string() : " that " + user + " may read") +
                    " (404); check the space name and the server address, or ask an admin to "
                    "make you a member of the space"};
    }
    if (klass == GIT_ERROR_NET || klass == GIT_ERROR_OS || klass == GIT_ERROR_SSL ||
        detail.find("connect") != std::string::npos ||
        detail.find("resolve") != std::string::npos) {
        return {TransferFailureReason::Unreachable,
                "cannot reach the server for " + url + " (" + detail +
                    "); everything synced before stays readable offline; sync again when the "
                    "server can be reached"};
    }
    return {TransferFailureReason::Other, std::string(doing) + " " + url + " failed: " + detail};
}

// git_strarray over borrowed strings; valid while `strings` lives.
struct StrArray {
    explicit StrArray(const std::vector<std::string>& strings) {
        for (const auto& s : strings) pointers.push_back(const_cast<char*>(s.c_str()));
        array.strings = pointers.data();
        array.count = pointers.size();
    }
    std::vector<char*> pointers;
    git_strarray array{};
};

}  // namespace

const char* to_string(TransferFailureReason reason) {
    switch (reason) {
        case TransferFailureReason::Unreachable:
            return "unreachable";
        case TransferFailureReason::Unauthorized:
            return "unauthorized";
        case TransferFailureReason::Forbidden:
            return "forbidden";
        case TransferFailureReason::NotFound:
            return "not-found";
        case TransferFailureReason::Cancelled:
            return "cancelled";
        case TransferFailureReason::UnsafeContent:
            return "unsafe-content";
        case TransferFailureReason::Other:
            return "other";
    }
    return "other";
}

FetchResult fetch(const std::filesystem::path& repository, const FetchOptions& options) {
    check_url(options.url);
    use_nodelay_sockets();
    auto repo = open_repository(repository);
    auto remote = anonymous_remote(repo.get(), options.url);
    TransferState state;
    state.credentials = &options.credentials;
    state.progress = &options.progress;

    git_fetch_options opts = GIT_FETCH_OPTIONS_INIT;
    opts.callbacks.credentials = provide_credentials;
    opts.callbacks.transfer_progress = on_fetch_progress;
    opts.callbacks.sideband_progress = on_server_message;
    opts.callbacks.payload = &state;
    opts.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_NONE;
    opts.update_fetchhead = 0;
    // libgit2 1.5 cannot decline upload-pack's progress text, and in its stateless negotiation
    // every have the server knows is acknowledged twice; lectern-server trims the requests that
    // carry this header (docs/sync.md, "Quiet fetches"). Other git servers ignore it.
    char quiet_fetch_header[] = "Lectern-Fetch: quiet";
    char* headers[] = {quiet_fetch_header};
    opts.custom_headers = {headers, 1};

    const std::vector<std::string> refspecs =
        options.refspecs.empty() ? std::vector<std::string>{"+refs/heads/*:refs/remotes/origin/*"}
                                 : options.refspecs;
    StrArray specs(refspecs);
    FetchResult result;
    // Connected first: when git_remote_fetch itself cannot connect (offline, 401), libgit2 1.5
    // returns before freeing its copy of the custom headers. git_remote_connect lends them to
    // the transport, which frees them with itself; git_remote_fetch then reuses the connection.
    int rc = git_remote_connect(remote.get(), GIT_DIRECTION_FETCH, &opts.callbacks,
                                &opts.proxy_opts, &opts.custom_headers);
    if (rc == 0) rc = git_remote_fetch(remote.get(), &specs.array, &opts, "lectern sync: fetch");
    if (rc != 0) {
        result.failure = classify(rc, state, options.url, "fetch");
        log::debug(log::kSync, result.failure->message);
        return result;
    }
    const git_indexer_progress* stats = git_remote_stats(remote.get());
    result.received_objects = stats->received_objects;
    result.received_bytes = stats->received_bytes;
    git_buf branch = GIT_BUF_INIT;
    if (git_remote_default_branch(&branch, remote.get()) == 0) {
        result.default_branch.assign(branch.ptr, branch.size);
    }
    git_buf_dispose(&branch);
    return result;
}

bool PushResult::all_accepted() const noexcept {
    if (failure) return false;
    for (const auto& r : refs)
        if (!r.accepted) return false;
    return true;
}

PushResult push(const std::filesystem::path& repository, const PushOptions& options) {
    check_url(options.url);
    use_nodelay_sockets();
    auto repo = open_repository(repository);
    auto remote = anonymous_remote(repo.get(), options.url);
    TransferState state;
    state.credentials = &options.credentials;
    state.progress = &options.progress;

    git_push_options opts = GIT_PUSH_OPTIONS_INIT;
    opts.callbacks.credentials = provide_credentials;
    opts.callbacks.push_transfer_progress = on_push_progress;
    opts.callbacks.sideband_progress = on_server_message;
    opts.callbacks.push_update_reference = on_ref_pushed;
    opts.callbacks.payload = &state;

    StrArray specs(options.refspecs);
    PushResult result;
    const int rc = git_remote_push(remote.get(), &specs.array, &opts);
    result.server_messages = std::move(state.server_messages);
    result.refs = std::move(state.refs);
    if (rc != 0 && (result.refs.empty() || state.cancelled)) {
        result.failure = classify(rc, state, options.url, "push to");
        log::warning(log::kSync, result.failure->message);
    }
    for (const auto& r : result.refs) {
        if (!r.accepted) log::warning(log::kSync, "the server refused " + r.ref + ": " + r.refusal);
    }
    return result;
}

}  // namespace lectern::sync
