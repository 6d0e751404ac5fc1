using SshDoctor.Core.Target;

namespace SshDoctor.Tests.Target;

public class AccountsTests
{
    private const string Passwd = "# comment\nroot:x:0:0:root:/root:/bin/bash\n+nis\nalice:x:1000:1000:Alice:/home/alice:/bin/bash\r\nbroken:x:notanumber:1::/:/bin/sh\nshort:x:5\nnoshell:x:1001:1001::/home/noshell:\n";
    private const string Group = "root:x:0:\nalice:x:1000:\nstaff:x:50:alice, bob ,\nwheel:x:10:\n";
    private const string Shadow = "root:*:19000:0:99999:7:::\nalice:!:19000:0:99999:7::20000\nnoshell:$6$abc:0\n";

    private static readonly Accounts Db = Accounts.Parse(Passwd, Group, Shadow);

    [Fact]
    public void Passwd_skips_comments_nis_and_broken_lines()
    {
        Assert.Equal(["root", "alice", "noshell"], Db.All.Select(a => a.Name));
        Assert.Equal("/home/alice", Db.ByName("alice")!.Home);
        Assert.Equal("/bin/bash", Db.ByName("alice")!.Shell); // CRLF stripped
        Assert.Equal("", Db.ByName("noshell")!.Shell);
        Assert.Equal("alice", Db.ByUid(1000)!.Name);
    }

    [Fact]
    public void Group_members_are_trimmed()
    {
        Assert.Equal(["alice", "bob"], Db.GroupByName("staff")!.Members);
        Assert.Equal(["alice", "staff"], Db.GroupsOf(Db.ByName("alice")!).Select(g => g.Name));
        Assert.Equal([1000u, 1000u, 50u], Db.GidsOf(Db.ByName("alice")!));
    }

    [Fact]
    public void Shadow_expiry_and_short_lines()
    {
        var alice = Db.Shadow("alice")!;
        Assert.Equal("!", alice.Hash);
        Assert.Equal(20000, alice.Expire);
        Assert.Null(Db.Shadow("root")!.Expire);
        Assert.Null(Db.Shadow("noshell")); // 3 fields only: not a shadow entry
    }

    [Fact]
    public void Unknown_ids_are_shown_numerically()
    {
        Assert.Equal("4242", Db.UserName(4242));
        Assert.Equal("wheel", Db.GroupName(10));
        Assert.Equal("77", Db.GroupName(77));
    }

    [Fact]
    public void Fields_are_read_like_split_records()
    {
        // Extra fields after the seventh are not part of the shell; a 7-field shadow line has no expiry; the first
        // record of a name wins; values shared by many lines (shell, "x", "!") stay each line's own value.
        var db = Accounts.Parse(
            "a:x:1:1::/home/a:/bin/bash:extra\na:y:2:2::/home/a2:/bin/sh\nb:x:3:3::/home/b:/bin/bash\nc:*:4:4::/home/c:/bin/zsh\n",
            "g:x:7:a,b\nh:x:8\ne:x:9:\n",
            "a:!:19000:0:99999:7:30\nb:!:19001::::\nc:$6$h:19002:0:90:7:5:19500:\n");
        Assert.Equal(["a", "a", "b", "c"], db.All.Select(x => x.Name));
        Assert.Equal(("/bin/bash", "x", 1u), (db.ByName("a")!.Shell, db.ByName("a")!.PasswordField, db.ByName("a")!.Uid));
        Assert.Equal(["/bin/bash", "/bin/sh", "/bin/bash", "/bin/zsh"], db.All.Select(x => x.Shell));
        Assert.Equal(["x", "y", "x", "*"], db.All.Select(x => x.PasswordField));
        Assert.Equal(["a", "b"], db.GroupByName("g")!.Members);
        Assert.Null(db.GroupByName("h")); // three fields: not a group
        Assert.Empty(db.GroupByName("e")!.Members);
        var a = db.Shadow("a")!;
        Assert.Equal(("!", 19000L, (long?)99999, (long?)30, (long?)null), (a.Hash, a.LastChange!.Value, a.MaxAge, a.Inactive, a.Expire));
        var b = db.Shadow("b")!;
        Assert.Equal(("!", (long?)null, (long?)null), (b.Hash, b.MaxAge, b.Expire));
        var c = db.Shadow("c")!;
        Assert.Equal(("$6$h", (long?)90, (long?)5, (long?)19500), (c.Hash, c.MaxAge, c.Inactive, c.Expire));
    }
}
