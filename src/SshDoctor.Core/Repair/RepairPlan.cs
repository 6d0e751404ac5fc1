using SshDoctor.Core.Findings;

namespace SshDoctor.Core.Repair;

/// <summary>What fix will do, and the blocking findings it leaves alone (with the reason, a text key).</summary>
public sealed record RepairPlan(IReadOnlyList<RepairAction> Actions, IReadOnlyList<(Finding Finding, string Reason)> Skipped)
{
    /// <summary>A link in the user's key path: nothing was planned (fix never acts through a link).</summary>
    public KeyLink? Link { get; init; }
}

/// <summary>A symbolic link on the path of the user's key file: its path, what it points to, and whether that exists.</summary>
public sealed record KeyLink(string Path, string Target, bool Dangling);

/// <summary>Policy changes fix only makes when the flag named after them is given.</summary>
public sealed record RepairPermissions(bool ConfigEdit, bool AccountEdit);
