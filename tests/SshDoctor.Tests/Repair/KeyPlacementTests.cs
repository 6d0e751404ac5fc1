using SshDoctor.Core.Repair;
using SshDoctor.Tests.Support;

namespace SshDoctor.Tests.Repair;

/// <summary>Which AuthorizedKeysFile file fix puts a key in: the first that works without widening access.</summary>
public sealed class KeyPlacementTests
{
    private static KeyHome? Choose(TargetTree t, string? from = null)
    {
        var ctx = t.Context();
        return new KeyPlacement(ctx, ctx.Accounts.ByName("alice")!, from).Choose();
    }

    private static string Config(string lines) => "Include /etc/ssh/sshd_config.d/*.conf\n" + lines + "\n";

    [Fact]
    public void A_missing_central_directory_is_created_root_owned()
    {
        using var t = new TargetTree().Config(Config("AuthorizedKeysFile /etc/ssh/keys/%u"));
        var home = Choose(t)!;
        Assert.Equal(("/etc/ssh/keys/alice", false, false), (home.Path, home.Exists, home.InHome));
        Assert.Empty(home.PassedOver);
        Assert.Equal("/etc/ssh/sshd_config:2", home.Source);
    }

    [Fact]
    public void A_central_directory_the_user_cannot_enter_is_passed_over()
    {
        using var t = new TargetTree().Config(Config("AuthorizedKeysFile /etc/ssh/keys/%u .ssh/authorized_keys2")).Dir("/etc/ssh/keys", 700);
        var home = Choose(t)!;
        Assert.Equal(("/home/alice/.ssh/authorized_keys2", true), (home.Path, home.InHome));
        Assert.Equal([new PassedOver("/etc/ssh/keys/alice", "fix.placement.unreachable")], home.PassedOver);
    }

    [Fact]
    public void A_group_writable_central_directory_is_passed_over()
    {
        using var t = new TargetTree().Config(Config("AuthorizedKeysFile /etc/ssh/keys/%u .ssh/authorized_keys")).Dir("/etc/ssh/keys", 775, 0, TargetTree.Team);
        var home = Choose(t)!;
        Assert.Equal("/home/alice/.ssh/authorized_keys", home.Path);
        Assert.Equal("fix.placement.strict", Assert.Single(home.PassedOver).Reason);
    }

    [Fact]
    public void A_root_only_central_file_is_passed_over_and_nothing_else_means_no_choice()
    {
        using var t = new TargetTree().Config(Config("AuthorizedKeysFile /etc/ssh/keys/%u")).Dir("/etc/ssh/keys", 755)
            .File("/etc/ssh/keys/alice", "ssh-ed25519 AAAA old\n", 600);
        Assert.Null(Choose(t));
    }

    [Fact]
    public void A_readable_central_file_is_extended()
    {
        using var t = new TargetTree().Config(Config("AuthorizedKeysFile /etc/ssh/keys/%u")).Dir("/etc/ssh/keys", 755)
            .File("/etc/ssh/keys/alice", "ssh-ed25519 AAAA old\n", 644);
        Assert.Equal(("/etc/ssh/keys/alice", true), (Choose(t)!.Path, Choose(t)!.Exists));
    }

    [Fact]
    public void A_glob_names_no_file_to_create()
    {
        using var t = new TargetTree().Config(Config("AuthorizedKeysFile .ssh/authorized_keys.d/* .ssh/authorized_keys"));
        var home = Choose(t)!;
        Assert.Equal("/home/alice/.ssh/authorized_keys", home.Path);
        Assert.Equal("fix.placement.glob", Assert.Single(home.PassedOver).Reason);
    }

    [Fact]
    public void A_match_block_names_its_own_file()
    {
        using var t = new TargetTree().Config(Config("AuthorizedKeysFile .ssh/authorized_keys\nMatch User alice\n    AuthorizedKeysFile /etc/ssh/keys/%u"));
        var home = Choose(t)!;
        Assert.Equal("/etc/ssh/keys/alice", home.Path);
        Assert.Equal("/etc/ssh/sshd_config:4", home.Source);
    }

    [Fact]
    public void A_bad_token_stops_the_list_as_it_stops_sshd()
    {
        using var t = new TargetTree().Config(Config("AuthorizedKeysFile .ssh/keys_%z .ssh/authorized_keys"));
        Assert.Null(Choose(t));
    }
}
