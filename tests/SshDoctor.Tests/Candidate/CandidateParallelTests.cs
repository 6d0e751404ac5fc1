using System.Text;
using SshDoctor.Core.Candidate;
using SshDoctor.Core.Model;
using SshDoctor.Tests.Support;
using Xunit;

namespace SshDoctor.Tests.Candidate;

/// <summary>The candidate judge runs accounts on several threads: its report must be the sequential one, account by
/// account and key by key, in the same order.</summary>
public sealed class CandidateParallelTests : IDisposable
{
    private const int Users = 300;
    private readonly TargetTree _tree = new();

    public CandidateParallelTests()
    {
        var passwd = new StringBuilder(System.IO.File.ReadAllText(_tree.Host("/etc/passwd")));
        var shadow = new StringBuilder(System.IO.File.ReadAllText(_tree.Host("/etc/shadow")));
        string[] keys = [TestKeys.Ed25519A, TestKeys.Ed25519B, TestKeys.Rsa2048, TestKeys.Ecdsa256];
        for (var i = 0; i < Users; i++)
        {
            var uid = (uint)(2000 + i);
            passwd.Append($"u{i}:x:{uid}:{uid}::/home/u{i}:/bin/bash\n");
            shadow.Append($"u{i}:*:19000:0:99999:7:::\n");
            _tree.Dir($"/home/u{i}", i % 7 == 0 ? 777 : 700, uid, uid);
            _tree.Dir($"/home/u{i}/.ssh", 700, uid, uid);
            if (i % 11 != 0)
                _tree.File($"/home/u{i}/.ssh/authorized_keys", keys[i % 4] + "\n" + (i % 3 == 0 ? keys[(i + 1) % 4] + "\n" : ""), 600, uid, uid);
        }
        _tree.File("/etc/passwd", passwd.ToString()).File("/etc/shadow", shadow.ToString(), 640);
    }

    public void Dispose() => _tree.Dispose();

    [Theory]
    [InlineData("90-hardening.conf", "AllowUsers u1* u2* alice\n")]
    [InlineData("90-algorithms.conf", "PubkeyAcceptedAlgorithms ssh-ed25519\n")]
    [InlineData("90-match.conf", "Match User u1*\n    PubkeyAuthentication no\n")]
    public void Parallel_candidate_report_equals_the_sequential_one(string name, string content)
    {
        var files = new[] { new CandidateFile(name, "/etc/ssh/sshd_config.d/" + name, Encoding.UTF8.GetBytes(content)) };
        var sequential = CandidateJudge.Run(_tree.Context(), files, null, null, null, threads: 1);
        var parallel = CandidateJudge.Run(_tree.Context(), files, null, null, null, threads: 4);
        Assert.Equal(Rows(sequential), Rows(parallel));
        Assert.Equal(sequential.UsersWithoutKeys, parallel.UsersWithoutKeys);
        Assert.Contains(Rows(sequential), r => r.Contains(" Lost ", StringComparison.Ordinal));
        Assert.True(Rows(sequential).Count > 2 * OrderedParallel.MinItemsPerThread, "enough accounts for several threads");
    }

    private static List<string> Rows(CandidateReport r) =>
        [.. r.Access.Select(a => $"{a.User} {a.Key.Sha256Fingerprint} {a.Change} {a.Today.Verdict}/{a.Candidate.Verdict} " +
            string.Join(',', a.Today.Findings.Select(f => f.Id)) + " | " + string.Join(',', a.Candidate.Findings.Select(f => f.Id)))];
}
