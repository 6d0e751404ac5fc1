using SshDoctor.Lab.Harness;
using static SshDoctor.Lab.Harness.LabUsers;
using static SshDoctor.Lab.Scenarios.Scenario;

namespace SshDoctor.Lab.Scenarios;

/// <summary>C. Match criteria (lists, negation, several criteria, `all`) and Include (globs, relative paths, order, nesting).</summary>
public static class MatchIncludeScenarios
{
    private static Action<LabTree> Off(string match) => t => t.Cast().Config($"Match {match}\n    PubkeyAuthentication no");
    private static Scenario Matches(string match) => Refused($"PUBKEY_AUTH_DISABLED: Match {match}", "PUBKEY_AUTH_DISABLED", Off(match));
    private static Scenario Misses(string match, string why) => Accepted($"trap: Match {match} ({why})", Off(match));

    private static Action<LabTree> Inc(string include, string path, string content) =>
        t => t.Cast().Config(include).WriteFile(path, content.TrimEnd('\n') + "\n");

    private static Scenario OtherSshDir(this Scenario s) =>
        s.On(Judge.Upstream, x => x with { Verdict = "accepted", Blocking = [] });

    public static readonly Scenario[] All =
    [
        Matches("User alice,bob"),
        Matches("User al*"),
        Matches("User !bob,*"),
        Misses("User !alice,*", "alice negated"),
        Misses("User !bob", "a list of negations only never matches"),
        Misses("User ALICE", "user names match case-sensitively"),
        Matches("Group alice"),
        Matches("Group nosuchgroup,alice"),
        Misses("Group staff2", "alice is not in staff2"),
        Refused("PUBKEY_AUTH_DISABLED: Match Group staff2 with alice a supplementary member", "PUBKEY_AUTH_DISABLED",
            t => { Off("Group staff2")(t); t.AddGroup("staff2", SharedGid, "bob", "carol", "alice"); }),
        Matches("Address 127.0.0.1/32"),
        Matches("Address 10.0.0.0/8,127.0.0.*"),
        Misses("Address 127.0.0.0/8,!127.0.0.1", "the client is negated"),
        Matches("Host 127.0.0.1"),
        Misses("Host localhost", "UseDNS no: the host is the address"),
        Matches("User alice Address 127.0.0.1"),
        Misses("User alice Address 10.0.0.0/8", "every criterion must match"),
        Matches("all"),
        Refused("PUBKEY_AUTH_DISABLED: the first matching Match block wins (Match all after Match User bob)", "PUBKEY_AUTH_DISABLED",
            t => t.Cast().Config("Match User bob\n    PubkeyAuthentication yes\nMatch all\n    PubkeyAuthentication no")),
        Accepted("trap: the first matching Match block wins (Match User alice yes, then Match all no)",
            t => t.Cast().Config("Match User alice\n    PubkeyAuthentication yes\nMatch all\n    PubkeyAuthentication no")),
        Refused("PUBKEY_AUTH_DISABLED: a Match block overrides the global value before it", "PUBKEY_AUTH_DISABLED",
            t => t.Cast().Config("PubkeyAuthentication yes\nMatch User alice\n    PubkeyAuthentication no")),
        Refused("PUBKEY_AUTH_DISABLED: Match keyword and criteria in lower case", "PUBKEY_AUTH_DISABLED",
            t => t.Cast().Config("match user alice\n    pubkeyauthentication no")),

        Refused("PUBKEY_AUTH_DISABLED: Match User alice inside a drop-in", "PUBKEY_AUTH_DISABLED",
            t => t.Cast().DropIn("50-match.conf", "Match User alice\n    PubkeyAuthentication no")),
        // An included file's Match block ends with that file: what follows the Include is global again.
        Refused("PUBKEY_AUTH_DISABLED: a drop-in ending in Match User bob does not swallow sshd_config's lines", "PUBKEY_AUTH_DISABLED",
            t => t.Cast().DropIn("50-bob.conf", "Match User bob\n    PasswordAuthentication yes").Config("PubkeyAuthentication no")),
        Refused("PUBKEY_AUTH_DISABLED: Include inside Match User alice", "PUBKEY_AUTH_DISABLED",
            Inc("Match User alice\n    Include /etc/ssh/alice.conf", "/etc/ssh/alice.conf", "PubkeyAuthentication no")),
        Accepted("trap: Include inside Match User bob",
            Inc("Match User bob\n    Include /etc/ssh/bob.conf", "/etc/ssh/bob.conf", "PubkeyAuthentication no")),
        // A relative Include is read from the build's SSHDIR: /etc/ssh for Debian, PREFIX/etc for the lab's upstream
        // builds (./configure --sysconfdir), where the tree has no such file. check reads SSHDIR from the binary.
        Refused("PUBKEY_AUTH_DISABLED: Include with a relative path (under SSHDIR, /etc/ssh)", "PUBKEY_AUTH_DISABLED",
            Inc("Include extra.conf", "/etc/ssh/extra.conf", "PubkeyAuthentication no")).OtherSshDir(),
        Refused("PUBKEY_AUTH_DISABLED: Include with a relative glob", "PUBKEY_AUTH_DISABLED",
            Inc("Include extra.d/*.conf", "/etc/ssh/extra.d/pubkey.conf", "PubkeyAuthentication no")).OtherSshDir(),
        Refused("PUBKEY_AUTH_DISABLED: Include with a ? glob", "PUBKEY_AUTH_DISABLED",
            Inc("Include /etc/ssh/extra?.conf", "/etc/ssh/extra1.conf", "PubkeyAuthentication no")),
        Accepted("trap: Include of a missing file", t => t.Cast().Config("Include /etc/ssh/nosuchfile.conf\nPubkeyAuthentication yes")),
        Accepted("trap: Include glob that matches nothing", t => t.Cast().Config("Include /etc/ssh/nosuch.d/*.conf")),
        Refused("PUBKEY_AUTH_DISABLED: Include with two paths, the first sets the value", "PUBKEY_AUTH_DISABLED",
            t => t.Cast().Config("Include /etc/ssh/a.conf /etc/ssh/b.conf")
                .WriteFile("/etc/ssh/a.conf", "PubkeyAuthentication no\n").WriteFile("/etc/ssh/b.conf", "PubkeyAuthentication yes\n")),
        Accepted("trap: Include order: the glob's first file (00-on) wins over 99-off",
            t => t.Cast().DropIn("99-off.conf", "PubkeyAuthentication no").DropIn("00-on.conf", "PubkeyAuthentication yes")),
        Refused("PUBKEY_AUTH_DISABLED: nested Include (drop-in includes another file)", "PUBKEY_AUTH_DISABLED",
            t => t.Cast().DropIn("50-nest.conf", "Include /etc/ssh/nested.conf").WriteFile("/etc/ssh/nested.conf", "PubkeyAuthentication no\n")),
    ];
}
