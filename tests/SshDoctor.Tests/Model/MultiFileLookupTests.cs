using SshDoctor.Core.Model;
using SshDoctor.Tests.Support;

namespace SshDoctor.Tests.Model;

/// <summary>user_key_allowed tries each AuthorizedKeysFile in order until one line accepts the key.</summary>
public class MultiFileLookupTests
{
    private static TargetTree Tree(string first, string second)
    {
        var t = new TargetTree();
        t.Keys("alice", first);
        t.File("/home/alice/.ssh/authorized_keys2", second, 600, TargetTree.Alice, TargetTree.Alice);
        return t;
    }

    [Fact]
    public void Conditional_line_in_the_first_file_and_plain_line_in_the_second_is_accepted_without_from()
    {
        // Whatever the client address, sshd accepts: from the first file if from= matches, else from the second.
        using var t = Tree("from=\"10.0.0.0/8\" " + TestKeys.Ed25519A + "\n", TestKeys.Ed25519A + "\n");
        Assert.Equal(Verdict.Accepted, Checks.Run(t, "alice", TestKeys.A, null).Verdict);
    }

    [Fact]
    public void Conditional_lines_in_both_files_stay_unknown_without_from()
    {
        using var t = Tree("from=\"10.0.0.0/8\" " + TestKeys.Ed25519A + "\n", "from=\"192.0.2.0/24\" " + TestKeys.Ed25519A + "\n");
        Assert.Equal(Verdict.Unknown, Checks.Run(t, "alice", TestKeys.A, null).Verdict);
        Assert.Equal(Verdict.Accepted, Checks.Run(t, "alice", TestKeys.A, "192.0.2.9").Verdict);
        Assert.Equal(Verdict.Refused, Checks.Run(t, "alice", TestKeys.A, "172.16.0.1").Verdict);
    }

    [Fact]
    public void Non_matching_from_in_the_first_file_falls_through_to_the_second()
    {
        using var t = Tree("from=\"10.0.0.0/8\" " + TestKeys.Ed25519A + "\n", TestKeys.Ed25519A + "\n");
        Assert.Equal(Verdict.Accepted, Checks.Run(t, "alice", TestKeys.A, "192.0.2.1").Verdict);
    }
}
