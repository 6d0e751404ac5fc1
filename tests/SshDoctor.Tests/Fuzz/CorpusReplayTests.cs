using SshDoctor.Fuzz;

namespace SshDoctor.Tests.Fuzz;

/// <summary>
/// Replays the committed AFL++ corpus (fuzz/corpus/TARGET: seeds, what afl kept, and any input that once
/// crashed or hung) through the same targets the fuzzer runs: every input returns, or throws the target's one
/// expected exception type (caught inside the target), within a bound.
/// </summary>
public sealed class CorpusReplayTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    public static TheoryData<string, string> Inputs() => From("FuzzCorpus");

    /// <summary>Inputs that crashed a target (fuzz/crashes/TARGET): kept out of the corpus until the parser is fixed.</summary>
    public static TheoryData<string, string> Crashes() => From("FuzzCrashes");

    private static TheoryData<string, string> From(string folder)
    {
        var data = new TheoryData<string, string>();
        foreach (var target in FuzzTargets.Names)
        {
            var dir = Path.Combine(AppContext.BaseDirectory, folder, target);
            if (!Directory.Exists(dir)) continue;
            foreach (var file in Directory.GetFiles(dir).Order(StringComparer.Ordinal)) data.Add(target, folder + "/" + Path.GetFileName(file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public Task Corpus_input_is_parsed_or_rejected_in_bounded_time(string target, string name) => Replay(target, name);

    /// <summary>AFL++ found these on the merged safety branches (2026-12-02): an Include path with a NUL or control
    /// byte makes the door throw TargetFsException out of ConfigParser.</summary>
    [Theory]
    [MemberData(nameof(Crashes))]
    public Task Crashing_input_found_by_the_fuzzer_is_handled(string target, string name) => Replay(target, name);

    private static async Task Replay(string target, string name)
    {
        var input = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, name.Split('/')[0], target, name.Split('/')[1]));
        var scratch = Directory.CreateTempSubdirectory("sshdoctor-replay-").FullName;
        try
        {
            var run = Task.Run(() => FuzzTargets.Run(target, input, scratch));
            var first = await Task.WhenAny(run, Task.Delay(Bound));
            Assert.True(first == run, $"{target}/{name} did not finish in {Bound.TotalSeconds} s");
            await run; // an unexpected exception fails the test here
        }
        finally
        {
            Directory.Delete(scratch, true);
        }
    }

    [Fact]
    public void Every_target_has_a_corpus()
    {
        foreach (var target in FuzzTargets.Names)
            Assert.NotEmpty(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "FuzzCorpus", target)));
    }
}
