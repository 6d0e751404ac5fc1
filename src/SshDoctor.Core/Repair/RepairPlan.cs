using SshDoctor.Core.Findings;

namespace SshDoctor.Core.Repair;

/// <summary>What fix will do, and the blocking findings it leaves alone (with the reason, a text key).</summary>
public sealed record RepairPlan(IReadOnlyList<RepairAction> Actions, IReadOnlyList<(Finding Finding, string Reason)> Skipped);

/// <summary>Policy changes fix only makes when the flag named after them is given.</summary>
public sealed record RepairPermissions(bool ConfigEdit, bool AccountEdit);
