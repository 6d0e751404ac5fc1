using SshDoctor.Core.Candidate;
using SshDoctor.Core.Localization;

namespace SshDoctor.Cli.Commands;

/// <summary>Reads the --candidate files given on this machine and places each in the target.</summary>
public static class CandidateFiles
{
    private const long MaxBytes = 1024 * 1024;

    public static IReadOnlyList<CandidateFile> Load(IReadOnlyList<string> arguments, Messages m)
    {
        var files = new List<CandidateFile>();
        foreach (var argument in arguments)
        {
            var place = CandidateFile.PlaceOf(argument, out var source);
            if (!place.StartsWith('/') || place.Split('/').Any(part => part is ".." or ".") || place.EndsWith('/'))
                throw new UsageException(m.Get("err.candidate_place", ("value", argument)));
            if (files.Any(f => f.TargetPath == place))
                throw new UsageException(m.Get("err.candidate_twice", ("path", place)));
            files.Add(new CandidateFile(source, place, Read(source, m)));
        }
        return files;
    }

    private static byte[] Read(string path, Messages m)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists) throw new UsageException(m.Get("err.candidate_unreadable", ("path", path), ("reason", m.Get("err.candidate.no_file"))));
            if (info.Length > MaxBytes) throw new UsageException(m.Get("err.candidate_unreadable", ("path", path), ("reason", m.Get("err.candidate.too_big"))));
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException(m.Get("err.candidate_unreadable", ("path", path), ("reason", e.Message)));
        }
    }
}
