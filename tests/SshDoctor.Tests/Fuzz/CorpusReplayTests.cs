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

    public static TheoryData<string, string> Inputs()
    {
        var data = new TheoryData<string, string>();
        foreach (var target in FuzzTargets.Names)
        {
            var dir = Path.Combine(AppContext.BaseDirectory, "FuzzCorpus", target);
            foreach (var file in Directory.GetFiles(dir).Order(StringComparer.Ordinal)) data.Add(target, Path.GetFileName(file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task Corpus_input_is_parsed_or_rejected_in_bounded_time(string target, string name)
    {
        var input = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "FuzzCorpus", target, name));
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
