using SshDoctor.Cli.Output;
using SshDoctor.Core.Findings;
using SshDoctor.Core.Localization;
using SshDoctor.Core.Model;
using SshDoctor.Core.Repair;
using SshDoctor.Tests.Support;

namespace SshDoctor.Tests.Cli;

/// <summary>
/// After --allow-config-edit the files accept the key but a running sshd keeps its old rule until reloaded:
/// on a live root the report says so and gives the reload command; on a volume nothing is running.
/// </summary>
public sealed class ConfigEditReloadTests
{
    private static FixResult Edited(TargetContext ctx) => new(ctx, Verdict.Refused, new UserReport("alice", Verdict.Accepted, []),
        [new RewriteFileAction(FindingId.USER_DENIED, "/etc/ssh/sshd_config", [], "line 3: AllowUsers: admit alice")], [], "20261202-101500-abcd", false, null);

    [Fact]
    public void On_the_live_root_the_report_says_the_running_sshd_needs_a_reload()
    {
        var ctx = TargetContext.Load("/"); // read only: this machine's own files
        var w = new StringWriter();
        FixRendering.WriteText(w, Edited(ctx), Messages.For(Lang.En));
        var text = w.ToString();
        Assert.Contains("After: accepted by the files, not yet by the running sshd.", text);
        Assert.Contains("sshd -t && systemctl reload", text);
        Assert.DoesNotContain("After: accepted.", text);
        Assert.Equal(ctx.Shell.Reload[0], FixRendering.ToJson(Edited(ctx), "alice", null, Messages.For(Lang.En)).SshdReload);
        Assert.Equal("sshdoctor undo --run 20261202-101500-abcd", FixRendering.UndoCommand(Edited(ctx)));
    }

    [Fact]
    public void On_a_volume_there_is_no_reload_to_do()
    {
        using var t = new TargetTree();
        var w = new StringWriter();
        FixRendering.WriteText(w, Edited(t.Context()), Messages.For(Lang.En));
        var text = w.ToString();
        Assert.Contains("After: accepted.", text);
        Assert.DoesNotContain("reload ssh", text);
        Assert.Null(FixRendering.ToJson(Edited(t.Context()), "alice", null, Messages.For(Lang.En)).SshdReload);
    }
}
