using SshDoctor.Core.Candidate;
using SshDoctor.Core.Findings;
using SshDoctor.Core.Model;
using SshDoctor.Core.Sshd;
using SshDoctor.Tests.Support;
using Xunit;

namespace SshDoctor.Tests.Candidate;

/// <summary>
/// KeyAccess.Kept: what the candidate report holds for every account and key until its output is written. It drops
/// the effective-settings listing and the findings no output reads, and must keep every reason the output gives.
/// </summary>
public sealed class KeptAccessTests
{
    private static readonly Finding Denied = Finding.Create(FindingId.USER_DENIED, Severity.Blocking, "/etc/ssh/sshd_config", "bob");
    private static readonly Finding Missing = Finding.Create(FindingId.AUTHKEYS_MISSING, Severity.Blocking, "/home/bob/.ssh/authorized_keys", "bob");
    private static readonly Finding Hardlinked = Finding.Create(FindingId.AUTHKEYS_HARDLINKED, Severity.Warning, "/home/bob/.ssh/authorized_keys", "bob");
    private static readonly IReadOnlyList<EffectiveValue> Settings =
        [new("pubkeyauthentication", "yes", ValueOrigin.Default), new("allowgroups", "admins", ValueOrigin.Default)];

    private static UserReport Report(Verdict verdict, params Finding[] findings) => new("bob", verdict, findings) { Settings = Settings };

    [Fact]
    public void An_unchanged_access_keeps_its_verdicts_and_nothing_else()
    {
        var kept = KeyAccess.Kept("bob", TestKeys.A, Report(Verdict.Accepted, Hardlinked), Report(Verdict.Accepted, Hardlinked));
        Assert.Equal(AccessChange.Same, kept.Change);
        Assert.Equal((Verdict.Accepted, Verdict.Accepted), (kept.Today.Verdict, kept.Candidate.Verdict));
        Assert.Empty(kept.Today.Findings);
        Assert.Empty(kept.Candidate.Findings);
        Assert.Empty(kept.Today.Settings);
        Assert.Empty(kept.Candidate.Settings);
    }

    [Fact]
    public void A_loss_keeps_the_blocking_findings_that_explain_it()
    {
        var today = Report(Verdict.Accepted, Hardlinked);
        var candidate = Report(Verdict.Refused, Hardlinked, Denied);
        var full = new KeyAccess("bob", TestKeys.A, today, candidate);
        var kept = KeyAccess.Kept("bob", TestKeys.A, today, candidate);
        Assert.Equal(AccessChange.Lost, kept.Change);
        Assert.Equal([Denied], kept.NewBlocking);
        Assert.Equal(full.NewBlocking, kept.NewBlocking);
        Assert.Equal([Denied], kept.Candidate.Findings);
        Assert.Empty(kept.Today.Findings);
        Assert.Empty(kept.Candidate.Settings);
    }

    [Fact]
    public void A_possible_loss_keeps_all_of_the_candidates_findings()
    {
        // Verdict Unknown: NewBlocking lists every finding the candidate brings, warnings included.
        var today = Report(Verdict.Accepted);
        var candidate = Report(Verdict.Unknown, Hardlinked);
        var full = new KeyAccess("bob", TestKeys.A, today, candidate);
        var kept = KeyAccess.Kept("bob", TestKeys.A, today, candidate);
        Assert.Equal(AccessChange.MayLose, kept.Change);
        Assert.Equal([Hardlinked], kept.NewBlocking);
        Assert.Equal(full.NewBlocking, kept.NewBlocking);
    }

    [Fact]
    public void A_gain_keeps_the_blocking_findings_it_clears()
    {
        var today = Report(Verdict.Refused, Missing, Denied, Hardlinked);
        var candidate = Report(Verdict.Accepted, Hardlinked);
        var full = new KeyAccess("bob", TestKeys.A, today, candidate);
        var kept = KeyAccess.Kept("bob", TestKeys.A, today, candidate);
        Assert.Equal(AccessChange.Gained, kept.Change);
        Assert.Equal([Missing, Denied], kept.Cleared);
        Assert.Equal(full.Cleared, kept.Cleared);
        Assert.Empty(kept.Today.Settings);
    }
}
