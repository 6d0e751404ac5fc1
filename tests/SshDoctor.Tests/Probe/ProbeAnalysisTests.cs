using SshDoctor.Core.Findings;
using SshDoctor.Core.Keys;
using SshDoctor.Core.Probe;
using SshDoctor.Core.Protocol;

namespace SshDoctor.Tests.Probe;

/// <summary>From what connections saw to findings, without a network.</summary>
public class ProbeAnalysisTests
{
    private static readonly PublicKey Ed = PublicKey.FromOpenSshLine("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG6VLDGN7N9st4WGC+UqyPmF9HmPG8Ah9iNOVN87g6oy")!;
    private static readonly ProbeKey Key = new("/k/id_ed25519", Ed, false);

    private static ProbeConnectionReport Reached(QueryOutcome? query, string[]? methods = null, IReadOnlyList<string>? sigAlgs = null,
        LoginResult? login = null, string[]? banners = null) => new()
    {
        Server = new ServerIdentification("SSH-2.0-OpenSSH_9.2p1", "2.0", "OpenSSH_9.2p1", null, []),
        Methods = new AuthFailure(methods ?? ["publickey", "password"], false),
        Query = query,
        ServerSigAlgs = sigAlgs,
        Login = login,
        Banners = banners ?? [],
        Stage = "done",
    };

    private static ProbeCandidate C(string user, CandidateResult r, ProbeConnectionReport report) => new(user, Key, r, report);

    private static List<Finding> Analyze(ProbeOptions o, params ProbeCandidate[] cs) =>
        ProbeRunner.Analyze(o, cs[0].Report, null, [.. cs]);

    [Fact]
    public void Wrong_username_is_blocking_when_the_given_user_is_refused()
    {
        var o = new ProbeOptions("h", 22, [Key]) { GivenUser = "ec2-user" };
        var f = Analyze(o, C("ec2-user", CandidateResult.Refused, Reached(QueryOutcome.Refused)),
            C("ubuntu", CandidateResult.PkOk, Reached(QueryOutcome.PkOk)));
        var wrong = Assert.Single(f, x => x.Id == FindingId.WRONG_USERNAME);
        Assert.Equal(Severity.Blocking, wrong.Severity);
        Assert.Equal("ubuntu", wrong.User);
        Assert.Equal("ec2-user", wrong.Args["tried"]);
        Assert.Equal("ssh -i /k/id_ed25519 ubuntu@h", wrong.FixCommands[0]);
    }

    [Fact]
    public void Wrong_username_is_info_when_no_user_was_given_and_absent_when_the_given_user_accepts()
    {
        var none = Analyze(new ProbeOptions("h", 22, [Key]), C("ubuntu", CandidateResult.PkOk, Reached(QueryOutcome.PkOk)));
        Assert.Equal(Severity.Info, Assert.Single(none, x => x.Id == FindingId.WRONG_USERNAME).Severity);
        var same = Analyze(new ProbeOptions("h", 22, [Key]) { GivenUser = "ubuntu" }, C("ubuntu", CandidateResult.PkOk, Reached(QueryOutcome.PkOk)));
        Assert.DoesNotContain(same, x => x.Id == FindingId.WRONG_USERNAME);
    }

    [Fact]
    public void Password_only_server_is_pubkey_auth_disabled()
    {
        var f = Analyze(new ProbeOptions("h", 22, [Key]), C("ubuntu", CandidateResult.Refused, Reached(null, ["password"])));
        Assert.Equal(FindingId.PUBKEY_AUTH_DISABLED, Assert.Single(f).Id);
    }

    [Fact]
    public void Filtered_server_sig_algs_without_the_key_type_is_key_algorithm_refused()
    {
        var f = Analyze(new ProbeOptions("h", 22, [Key]),
            C("ubuntu", CandidateResult.Refused, Reached(QueryOutcome.Refused, sigAlgs: ["rsa-sha2-512", "rsa-sha2-256"])));
        Assert.Contains(f, x => x.Id == FindingId.KEY_ALGORITHM_REFUSED && x.Severity == Severity.Blocking);
    }

    [Fact]
    public void Rsa_key_and_sha1_refused_by_query_or_by_server_sig_algs()
    {
        var rsaPub = PublicKey.FromBlob(new SshWriter().String("ssh-rsa").MpintUnsigned([1, 0, 1]).MpintUnsigned(Enumerable.Repeat((byte)0xC3, 256).ToArray()).ToArray())!;
        var rsa = new ProbeKey("/k/id_rsa", rsaPub, false);
        var o = new ProbeOptions("h", 22, [rsa]);
        var byQuery = Reached(QueryOutcome.PkOk);
        byQuery.Sha1Query = QueryOutcome.Refused;
        Assert.Contains(ProbeRunner.Analyze(o, byQuery, null, [new ProbeCandidate("u", rsa, CandidateResult.PkOk, byQuery)]),
            x => x.Id == FindingId.RSA_SHA1_REFUSED && x.Args["evidence"] == "query");
        var bySigAlgs = Reached(QueryOutcome.PkOk, sigAlgs: ["rsa-sha2-512", "ssh-ed25519"]);
        Assert.Contains(ProbeRunner.Analyze(o, bySigAlgs, null, [new ProbeCandidate("u", rsa, CandidateResult.PkOk, bySigAlgs)]),
            x => x.Id == FindingId.RSA_SHA1_REFUSED && x.Args["evidence"] == "server-sig-algs");
    }

    [Fact]
    public void After_signature_refusals_map_to_root_expiry_and_methods()
    {
        var o = new ProbeOptions("h", 22, [Key]) { Login = true };
        var root = Analyze(o, C("root", CandidateResult.PkOk, Reached(QueryOutcome.PkOk, login: new LoginResult(LoginOutcome.Refused, "ssh-ed25519", ["publickey"], null))));
        Assert.Contains(root, x => x.Id == FindingId.ROOT_LOGIN_REFUSED && x.User == "root");
        var expired = Analyze(o, C("bob", CandidateResult.PkOk, Reached(QueryOutcome.PkOk,
            login: new LoginResult(LoginOutcome.Closed, "ssh-ed25519", [], "closed"), banners: ["Your account has expired; please contact your system administrator.\r\n"])));
        Assert.Contains(expired, x => x.Id == FindingId.USER_EXPIRED && x.User == "bob");
        var partial = Analyze(o, C("bob", CandidateResult.PkOk, Reached(QueryOutcome.PkOk, login: new LoginResult(LoginOutcome.PartialSuccess, "ssh-ed25519", ["password"], null))));
        Assert.Contains(partial, x => x.Id == FindingId.AUTH_METHODS_REQUIRED);
    }

    [Fact]
    public void Small_rsa_key_refused_everywhere_is_too_small()
    {
        var small = PublicKey.FromBlob(new SshWriter().String("ssh-rsa").MpintUnsigned([1, 0, 1]).MpintUnsigned(Enumerable.Repeat((byte)0xC3, 64).ToArray()).ToArray())!;
        Assert.Equal(512, small.Bits);
        var k = new ProbeKey("/k/old", small, false);
        var report = Reached(QueryOutcome.Refused);
        var f = ProbeRunner.Analyze(new ProbeOptions("h", 22, [k]), report, null, [new ProbeCandidate("u", k, CandidateResult.Refused, report)]);
        Assert.Contains(f, x => x.Id == FindingId.KEY_RSA_TOO_SMALL && x.Args["bits"] == "512");
    }

    [Fact]
    public void Exit_codes_follow_the_contract()
    {
        ProbeOutcome Outcome(params ProbeCandidate[] cs) => new(new ProbeOptions("h", 22, [Key]), cs.Length > 0 ? cs[0].Report : new ProbeConnectionReport(), null, cs, [], false);
        Assert.Equal(0, SshDoctor.Cli.Commands.ProbeCommand.ExitCode(Outcome(C("u", CandidateResult.PkOk, Reached(QueryOutcome.PkOk)))));
        Assert.Equal(1, SshDoctor.Cli.Commands.ProbeCommand.ExitCode(Outcome(C("u", CandidateResult.Refused, Reached(QueryOutcome.Refused)))));
        Assert.Equal(3, SshDoctor.Cli.Commands.ProbeCommand.ExitCode(Outcome(C("u", CandidateResult.Error, new ProbeConnectionReport { Error = ConnectionError.ConnectionRefused }))));

        // A blocking finding exits 1 (the key opens another account than the one named); a key exchange that
        // failed on the first connection left the key untried: undecided, 3, although the banner arrived.
        ProbeOutcome With(Finding f, params ProbeCandidate[] cs) => Outcome(cs) with { Findings = [f] };
        var other = Finding.Create(FindingId.WRONG_USERNAME, Severity.Blocking, user: "ubuntu", args: [("tried", "u"), ("users", "ubuntu"), ("key", "SHA256:x")]);
        Assert.Equal(1, SshDoctor.Cli.Commands.ProbeCommand.ExitCode(With(other, C("ubuntu", CandidateResult.PkOk, Reached(QueryOutcome.PkOk)))));
        var kex = Finding.Create(FindingId.KEX_NO_COMMON, Severity.Blocking, args: [("host", "h"), ("value", "KexAlgorithms")]);
        var stopped = Reached(null);
        stopped.Error = ConnectionError.NoCommonAlgorithm;
        Assert.Equal(3, SshDoctor.Cli.Commands.ProbeCommand.ExitCode(With(kex, C("u", CandidateResult.Error, stopped))));
    }
}

public class ProbeCandidateOrderTests
{
    private static ServerIdentification Id(string banner)
    {
        var rest = banner["SSH-2.0-".Length..];
        var sp = rest.IndexOf(' ');
        return new ServerIdentification(banner, "2.0", sp < 0 ? rest : rest[..sp], sp < 0 ? null : rest[(sp + 1)..], []);
    }

    [Theory]
    [InlineData("SSH-2.0-OpenSSH_9.6p1 Ubuntu-3ubuntu13.5", "ubuntu")]
    [InlineData("SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3", "admin")]
    [InlineData("SSH-2.0-OpenSSH_8.7", "ec2-user")]
    public void The_banner_puts_the_image_default_first(string banner, string first)
    {
        var order = ProbeRunner.AutoOrder(Id(banner));
        Assert.Equal(first, order[0]);
        Assert.Equal(ProbeRunner.AutoUsers.Order(), order.Order());
    }

    [Theory]
    [InlineData("SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3", false)]
    [InlineData("SSH-2.0-OpenSSH_9.7", false)]
    [InlineData("SSH-2.0-OpenSSH_9.8", true)]
    [InlineData("SSH-2.0-OpenSSH_10.0p2 Debian-5", true)]
    [InlineData("SSH-2.0-dropbear_2022.83", false)]
    public void Penalties_start_with_openssh_9_8(string banner, bool expected)
    {
        Assert.Equal(expected, ProbeRunner.PenalisesFailures(Id(banner)));
    }
}
