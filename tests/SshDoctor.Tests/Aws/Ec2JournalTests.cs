using SshDoctor.Aws.Repair;

namespace SshDoctor.Tests.Aws;

/// <summary>The local journal of `ec2 fix`: durable entries, the saved user data byte for byte, a torn last line ignored.</summary>
public sealed class Ec2JournalTests : IDisposable
{
    private readonly string _state = Path.Combine(Path.GetTempPath(), $"sshdoctor-journal-{Environment.ProcessId}-{Guid.NewGuid():N}");
    public Ec2JournalTests() => Ec2StateDir.RootOverride = _state;

    public void Dispose()
    {
        Ec2StateDir.RootOverride = null;
        if (Directory.Exists(_state)) Directory.Delete(_state, true);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0x1f, 0x8b, 0, 13, 10, 0xff })]
    public void Saved_user_data_comes_back_byte_for_byte_and_a_changed_copy_is_refused(byte[] data)
    {
        var j = Ec2Journal.Create("i-0123456789abcdef0", "ec2-20261203T080000Z-aa");
        var sha = j.SaveUserData(data);
        j.Append("userdata_saved", ("sha256", sha), ("bytes", data.Length));
        var loaded = Ec2Journal.Latest("i-0123456789abcdef0")!;
        Assert.Equal(data, loaded.OriginalUserData());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(loaded.Directory, Ec2Journal.UserDataFile)));
        File.WriteAllBytes(Path.Combine(loaded.Directory, Ec2Journal.UserDataFile), [.. data, 1]);
        Assert.Throws<InvalidDataException>(() => loaded.OriginalUserData());
    }

    [Fact]
    public void Steps_resume_from_the_entries_and_a_torn_last_line_is_ignored()
    {
        var j = Ec2Journal.Create("i-0123456789abcdef0", "ec2-20261203T080000Z-bb");
        j.Append("begin", ("via", "userdata"), ("was_running", true));
        j.Append("intent", ("step", "fix.stop1"));
        j.Append("done", ("step", "fix.stop1"));
        j.Append("intent", ("step", "fix.set_doc"));
        File.AppendAllText(Path.Combine(j.Directory, Ec2Journal.FileName), "{\"t\":\"done\",\"st");
        var loaded = Ec2Journal.Load(j.Directory);
        Assert.True(loaded.Done("fix.stop1"));
        Assert.True(loaded.Intended("fix.set_doc"));
        Assert.False(loaded.Done("fix.set_doc"));
        Assert.True((bool?)loaded.First("begin")!["was_running"]);
        Assert.Equal("ec2-20261203T080000Z-bb", Ec2Journal.Latest("i-0123456789abcdef0")!.RunId);
    }
}
