using SshDoctor.Core.Model;
using SshDoctor.Core.Target;
using SshDoctor.Tests.Support;

namespace SshDoctor.Tests.Model;

public class KeyFilePathsTests
{
    private static readonly Accounts Db = Accounts.Parse(
        "root:x:0:0:root:/var/root:/bin/bash\nalice:x:1000:1000::/home/alice:/bin/bash\n", "root:x:0:\nalice:x:1000:\n", "");
    private static readonly Account Alice = Db.ByName("alice")!;

    [Theory]
    [InlineData(".ssh/authorized_keys", "/home/alice/.ssh/authorized_keys")]
    [InlineData("%h/.ssh/authorized_keys", "/home/alice/.ssh/authorized_keys")]
    [InlineData("/etc/ssh/keys/%u", "/etc/ssh/keys/alice")]
    [InlineData("/etc/ssh/keys/%U.pub", "/etc/ssh/keys/1000.pub")]
    [InlineData("/srv/100%%/%u", "/srv/100%/alice")]
    [InlineData("~/keys/%u", "/var/root/keys/alice")] // ~ is the home of the uid sshd runs as (root), from the target's passwd
    public void Expansion(string pattern, string expected)
    {
        Assert.Equal(expected, KeyFilePaths.Expand(pattern, Alice, Db, out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData("%x")]
    [InlineData(".ssh/keys_%")]
    [InlineData("%d/.ssh/authorized_keys")]
    public void Bad_percent_tokens(string pattern)
    {
        Assert.Null(KeyFilePaths.Expand(pattern, Alice, Db, out var error));
        Assert.NotNull(error);
    }

    [Fact]
    public void AuthorizedKeysFile_none_only_is_a_config_finding()
    {
        using var t = new TargetTree();
        t.Config("AuthorizedKeysFile none\n");
        t.Keys("alice", TestKeys.Ed25519A + "\n");
        Assert.Equal(["AUTHKEYS_FILE_CONFIG"], Checks.Run(t, "alice", TestKeys.A).Blocking());
    }

    [Fact]
    public void Key_in_the_default_file_while_the_config_names_another()
    {
        using var t = new TargetTree();
        t.Config("AuthorizedKeysFile /etc/ssh/keys/%u\n");
        t.Dir("/etc/ssh/keys");
        t.Keys("alice", TestKeys.Ed25519A + "\n");
        var r = Checks.Run(t, "alice", TestKeys.A);
        Assert.Equal(["AUTHKEYS_FILE_CONFIG"], r.Blocking());
    }
}
