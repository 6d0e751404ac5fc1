using SshDoctor.Core.Keys;
using SshDoctor.Core.Target;

namespace SshDoctor.Core.Model;

/// <summary>Shell commands that create what a user's key lookup needs, written by <see cref="HostShell"/> for where they are pasted.</summary>
public sealed class FixCommands(TargetContext ctx, Account account)
{
    private HostShell Sh => ctx.Shell;

    public List<string> CreateChain(string missingDir, string file, PublicKey? key)
    {
        var commands = new List<string>();
        var home = account.Home.TrimEnd('/');
        foreach (var d in TargetRoot.DirectoriesToCreate(missingDir, file))
        {
            var inHome = TargetRoot.IsWithin(home, d);
            var owner = inHome ? Sh.Owner(account) : Sh.RootOwner;
            commands.Add(d == home && ctx.Root.Stat("/etc/skel").Kind == FileKind.Directory
                ? Sh.MakeHomeFromSkel(d, owner)
                : Sh.MakeDirectory(d, inHome ? "700" : "755", owner));
        }
        commands.AddRange(CreateFile(file, key));
        return commands;
    }

    /// <summary>sshd reads the file as the user: theirs in home; root's and world-readable in a central directory.</summary>
    private bool UsersOwn(string file) => TargetRoot.IsWithin(account.Home.TrimEnd('/'), file) || ctx.InHome(account, file);

    /// <summary>The owner (a name) and mode a new keys file at <paramref name="file"/> gets, as CreateFile makes it.</summary>
    public (string Owner, string Mode) NewFileOwnerAndMode(string file) => UsersOwn(file) ? (account.Name, "600") : ("root", "644");

    public List<string> CreateFile(string file, PublicKey? key)
    {
        var commands = new List<string>
        {
            UsersOwn(file) ? Sh.CreateEmptyFile(file, account.Uid, account.Gid) : Sh.CreateEmptyFile(file, 0, 0, "644"),
        };
        if (key is not null) commands.Add(Sh.AppendKey(file, key));
        return commands;
    }

    public string AppendKey(string file, PublicKey key) => Sh.AppendKey(file, key);

    public string ChownToUser(string path) => Sh.Chown(Sh.Owner(account), path);
    public string RemoveWriteBits(string path) => Sh.Chmod("g-w,o-w", path);
}
