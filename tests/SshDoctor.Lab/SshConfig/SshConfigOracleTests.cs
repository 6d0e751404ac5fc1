using SshDoctor.Core.SshConfig;
using SshDoctor.Lab.Probe;
using Xunit.Abstractions;

namespace SshDoctor.Lab.SshConfig;

/// <summary>
/// The machine's `ssh -G` is the oracle: for each config of the corpus, every field probe uses must equal
/// what OpenSSH resolves. ssh reads the home from passwd, so each case runs ssh in a private mount
/// namespace with a scratch home bound over /root (nothing on the host changes).
/// </summary>
public sealed class SshConfigOracleTests(ITestOutputHelper output)
{
    /// <summary>A case: the user's ~/.ssh/config, other files under the scratch home, ssh's arguments.</summary>
    public sealed record Case(string Name, string Config, string[] Args, (string Path, string Text)[]? Files = null, bool UseF = true);

    private static readonly string[] Fields =
    [
        "user", "hostname", "port", "identityfile", "certificatefile", "identitiesonly", "identityagent",
        "userknownhostsfile", "globalknownhostsfile", "hostkeyalgorithms", "pubkeyacceptedalgorithms", "proxyjump", "hostkeyalias",
    ];

    public static TheoryData<string> CaseNames()
    {
        var d = new TheoryData<string>();
        foreach (var c in Corpus) d.Add(c.Name);
        return d;
    }

    public static readonly Case[] Corpus =
    [
        new("alias", """
            Host web
              HostName 203.0.113.7
              User ec2-user
              Port 2222
              IdentityFile ~/.ssh/aws.pem
            """, ["web"]),
        new("first-value-wins", """
            Host web*
              User first
              IdentityFile ~/.ssh/one
            Host *
              User second
              Port 2200
              IdentityFile ~/.ssh/two
            """, ["web1"]),
        new("command-line-user-wins", """
            Host *
              User fromconfig
            """, ["cli@host"]),
        new("negation", """
            Host *.example.com !bastion.example.com
              User inner
            Host bastion.example.com
              User outer
            """, ["bastion.example.com"]),
        new("negation-other", """
            Host *.example.com !bastion.example.com
              User inner
            Host bastion.example.com
              User outer
            """, ["app.example.com"]),
        new("question-mark", """
            Host db? !db9
              Port 5522
            """, ["db1"]),
        new("match-host-after-hostname", """
            Host short
              HostName long.internal.example
            Match host *.internal.example
              User matched
              IdentitiesOnly yes
            """, ["short"]),
        new("match-originalhost", """
            Host short
              HostName long.internal.example
            Match originalhost short
              Port 2022
            """, ["short"]),
        new("match-user", """
            Match user deploy
              IdentityFile ~/.ssh/deploy_%h
            Match !user deploy
              IdentityFile ~/.ssh/other
            """, ["deploy@srv"]),
        new("match-user-list", """
            Match user alice,bob host srv
              Port 1022
            """, ["bob@srv"]),
        new("match-localuser-all", """
            Match localuser root
              User fromlocal
            Match all
              Port 3022
            """, ["srv"]),
        new("match-final", """
            Host Alias
              HostName Real.Example.COM
            Match final host real.example.com
              User finaluser
            Host real.example.com
              IdentityFile ~/.ssh/final
            """, ["Alias"]),
        new("match-exec-not-run", """
            Match exec "false" host srv
              User fromexec
            Host srv
              User plain
            """, ["srv"]),
        new("tokens", """
            Host tok
              HostName tok.example.org
              User remote
              Port 2345
              IdentityFile ~/.ssh/%h_%r_%p
              IdentityFile %d/keys/%u-%l-%L-%n-%%
              CertificateFile ~/.ssh/%r-cert.pub
              UserKnownHostsFile ~/.ssh/kh_%h_%p %d/kh_%C_%r_%u_%i_%k_%n_%l_%L
              IdentityAgent ~/.ssh/agent-%L.sock
              HostKeyAlias alias-%h
            """, ["tok"]),
        new("algorithms", """
            Host old
              HostKeyAlgorithms +ssh-rsa
              PubkeyAcceptedAlgorithms +ssh-rsa
            Host new
              HostKeyAlgorithms -*-cert-v01@openssh.com,sk-*
              PubkeyAcceptedAlgorithms ^ssh-ed25519
            Host exact
              HostKeyAlgorithms ssh-ed25519,rsa-sha2-512
            """, ["new"]),
        new("algorithms-append", """
            Host old
              HostKeyAlgorithms +ssh-rsa
              PubkeyAcceptedAlgorithms +ssh-rsa
            """, ["old"]),
        new("proxyjump", """
            Host inner
              HostName 10.0.1.5
              ProxyJump ops@bastion.example.com:2200
              User ubuntu
            """, ["inner"]),
        new("include-relative-glob", """
            Include conf.d/*.conf
            Host *
              User fallback
            """, ["web"], [("conf.d/10-web.conf", "Host web\n  User included\n  Port 2201\n"), ("conf.d/20-more.conf", "Host web\n  Port 9999\n  IdentityFile ~/.ssh/inc\n"), ("conf.d/skip.txt", "Host *\n  Port 1\n")]),
        new("include-in-inactive-host", """
            Host other
              Include conf.d/*.conf
            Host *
              Port 2300
            """, ["web"], [("conf.d/a.conf", "Host web\n  User leaked\n")]),
        new("include-ends-block", """
            Host web
              Include extra.conf
              User afterinclude
            """, ["web"], [("extra.conf", "Host nomatch\n  Port 1\n")]),
        new("equals-and-quotes", """
            Host="quoted"
              User=eq
              IdentityFile "~/.ssh/with space"
            """, ["quoted"]),
        new("user-config-and-system", """
            Host sys
              User fromuser
            """, ["sys"], UseF: false),
        new("identities-only-agent-none", """
            Host *
              IdentitiesOnly yes
              IdentityAgent none
            """, ["anything"]),
    ];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Resolution_equals_ssh_G(string name)
    {
        if (ProbeLabServer.SkipRequested(output)) return;
        var c = Corpus.Single(x => x.Name == name);
        var home = Directory.CreateTempSubdirectory("sshdoctor-sshconfig-").FullName;
        try
        {
            var dotSsh = Path.Combine(home, ".ssh");
            Directory.CreateDirectory(dotSsh);
            var config = Path.Combine(dotSsh, "config");
            await File.WriteAllTextAsync(config, c.Config.Replace("\r\n", "\n") + "\n");
            foreach (var (p, t) in c.Files ?? [])
            {
                var full = Path.Combine(dotSsh, p);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                await File.WriteAllTextAsync(full, t);
            }

            var (truth, raw) = await SshG(home, c);
            var target = c.Args[^1];
            string? user = null;
            if (target.Contains('@')) { user = target[..target.IndexOf('@')]; target = target[(target.IndexOf('@') + 1)..]; }
            var mine = SshConfigResolver.Resolve(new SshConfigRequest(target)
            {
                User = user,
                ConfigFile = c.UseF ? config : null,
                Home = home,
                UserConfig = c.UseF ? null : config,
                LocalUser = "root",
                Uid = "0",
            });
            // Inside ssh's namespace the scratch home is /root.
            var ours = Dump(mine).ToDictionary(kv => kv.Key, kv => kv.Value.Replace(home, "/root", StringComparison.Ordinal));
            foreach (var f in Fields)
            {
                var expected = truth.GetValueOrDefault(f, "");
                var actual = ours.GetValueOrDefault(f, "");
                Assert.True(expected == actual, $"{name}: {f}\n  ssh -G: {expected}\n  ours:   {actual}\n{raw}");
            }
            output.WriteLine(string.Join("\n", Fields.Select(f => $"{f} {ours.GetValueOrDefault(f)}")));
        }
        finally
        {
            Directory.Delete(home, true);
        }
    }

    /// <summary>Our resolution in ssh -G's shape (lists joined as ssh prints them).</summary>
    private static Dictionary<string, string> Dump(ResolvedSshConfig r) => new()
    {
        ["user"] = r.User,
        ["hostname"] = r.HostName,
        ["port"] = r.Port.ToString(),
        ["identityfile"] = string.Join("\n", r.IdentityFiles),
        ["certificatefile"] = string.Join("\n", r.CertificateFiles),
        ["identitiesonly"] = r.IdentitiesOnly ? "yes" : "no",
        ["identityagent"] = r.IdentityAgent ?? "",
        ["userknownhostsfile"] = string.Join(" ", r.UserKnownHostsFiles),
        ["globalknownhostsfile"] = string.Join(" ", r.GlobalKnownHostsFiles),
        ["hostkeyalgorithms"] = string.Join(",", r.HostKeyAlgorithms),
        ["pubkeyacceptedalgorithms"] = string.Join(",", r.PubkeyAcceptedAlgorithms),
        ["proxyjump"] = r.ProxyJump ?? "",
        ["hostkeyalias"] = r.HostKeyAlias is { } a ? a : "",
    };

    /// <summary>ssh -G with the scratch home over /root (ssh takes the home from passwd, not $HOME).</summary>
    private static async Task<(Dictionary<string, string> Fields, string Raw)> SshG(string home, Case c)
    {
        var args = string.Join(' ', (c.UseF ? ["-F", "/root/.ssh/config"] : Array.Empty<string>()).Concat(c.Args).Select(a => "'" + a + "'"));
        var script = $"mount --make-rprivate / && mount --bind '{home}' /root && exec ssh -G {args}";
        var (exit, stdout, err) = await ProbeLabServer.Run("unshare", "--mount", "sh", "-c", script);
        Assert.True(exit == 0, $"ssh -G failed ({exit}): {err}");
        var d = new Dictionary<string, string>();
        foreach (var line in stdout.Split('\n'))
        {
            var sp = line.IndexOf(' ');
            if (sp <= 0) continue;
            var k = line[..sp];
            var v = line[(sp + 1)..];
            // ssh -G prints one line per identity/certificate file.
            d[k] = d.TryGetValue(k, out var old) && k is "identityfile" or "certificatefile" ? old + "\n" + v : v;
        }
        return (d, stdout);
    }
}
