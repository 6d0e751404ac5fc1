namespace SshDoctor.Lab.Harness;

/// <summary>The usual cast: alice (the login), bob and carol (other people), a shared group "staff2".</summary>
public static class LabUsers
{
    public const int Alice = 2001, Bob = 2002, Carol = 2003, SharedGid = 3000;

    /// <summary>A healthy account: private group, home 0755, ~/.ssh 0700, authorized_keys 0600 with the key.</summary>
    public static LabTree StandardUser(this LabTree t, string name = "alice", int uid = Alice, LabKey? key = null,
        string shell = "/bin/bash", string shadowHash = "*", long? expireDays = null)
    {
        var home = "/home/" + name;
        t.AddGroup(name, uid).AddUser(name, uid, uid, home, shell, shadowHash, expireDays)
            .Mkdir(home, "0755", uid, uid)
            .Mkdir(home + "/.ssh", "0700", uid, uid)
            .WriteFile(home + "/.ssh/authorized_keys", (key ?? LabKeys.Main).Line + " lab@client\n", "0600", uid, uid);
        return t;
    }

    /// <summary>alice with the main key, plus bob and carol (no keys) and group staff2 = {bob, carol}.</summary>
    public static LabTree Cast(this LabTree t, string shell = "/bin/bash", string shadowHash = "*", long? expireDays = null)
    {
        t.StandardUser("alice", Alice, shell: shell, shadowHash: shadowHash, expireDays: expireDays);
        t.AddGroup("bob", Bob).AddUser("bob", Bob, Bob).Mkdir("/home/bob", "0755", Bob, Bob);
        t.AddGroup("carol", Carol).AddUser("carol", Carol, Carol).Mkdir("/home/carol", "0755", Carol, Carol);
        t.AddGroup("staff2", SharedGid, "bob", "carol");
        return t;
    }

    /// <summary>root with the main key in /root/.ssh/authorized_keys (the lab bind-mounts T/root over /root).</summary>
    public static LabTree RootUser(this LabTree t, LabKey? key = null)
    {
        t.AddUser("root", 0, 0, "/root", "/bin/bash", "*")
            .Mkdir("/root/.ssh", "0700")
            .WriteFile("/root/.ssh/authorized_keys", (key ?? LabKeys.Main).Line + " lab@client\n", "0600");
        return t;
    }

    public const string AliceKeys = "/home/alice/.ssh/authorized_keys";
}
