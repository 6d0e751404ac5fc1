namespace SshDoctor.Lab.Hostile;

/// <summary>
/// Hostile-tree tests whose defence had not landed in the merged safety-door / safety-output branches when this
/// suite was last run. Each carries [Trait("Gap", "safety")] and [Trait("Missing", reason)] with one of the
/// reasons below; scripts/test.sh excludes Gap=safety through a visible filter and prints how many it excluded.
/// Run them: dotnet test tests/SshDoctor.Lab -c Release --no-build --filter Gap=safety. Remove the two traits
/// from a test as soon as it passes.
/// </summary>
public static class SafetyGaps
{
    public const string WriteDoor = "safety-door write side: fix's changes go through names, not descriptors resolved in the root (mkdir/chown/chmod/rename follow links out of the volume)";
    public const string HardLinks = "safety-door: a regular file with more than one link must be a finding, never chowned or rewritten";
    public const string Races = "safety-door write side: fchown/fchmod on descriptors, temp file O_EXCL|O_NOFOLLOW in the directory fd, inode re-check before acting";
    public const string Backups = "safety-door: var/backups/sshdoctor opened inside the root without following links";
    public const string DotDot = "safety-door: `..` in a passwd home resolved inside the root; rollback/undo remove only what the run created, by inode";
    public const string Undo = "safety-door: undo validates the journal (inside root, no `..`, recorded inode, no widening, content inside the run dir) and requires a host-side record or --trust-journal";
    public const string Streaming = "safety-door: authorized_keys over 16 MiB streamed in full on rewrite, or fix refuses with a finding";
    public const string Utf8 = "safety-door: LineRepair.AppendKey decodes/re-encodes as UTF-8, so bytes that are not UTF-8 are replaced by U+FFFD on rewrite";
}
