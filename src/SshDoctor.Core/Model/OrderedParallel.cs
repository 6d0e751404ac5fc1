using System.Runtime.ExceptionServices;

namespace SshDoctor.Core.Model;

/// <summary>
/// A map over a list on several threads whose result is exactly the sequential one: result i is f(items[i]), in
/// order, and when calls throw, the exception of the first failing item (in list order) is the one thrown, as a
/// sequential loop would. f must only read shared state (or use state made safe for concurrent use).
/// </summary>
public static class OrderedParallel
{
    /// <summary>Below this many items per thread, starting threads costs more than it saves: the map stays sequential.</summary>
    public const int MinItemsPerThread = 64;

    // Items are claimed in small runs: neighbours share cache entries, and uneven items still balance.
    private const int Chunk = 8;

    public static List<TResult> Map<T, TResult>(IReadOnlyList<T> items, Func<T, TResult> f, int? threads = null)
    {
        var workers = Math.Min(threads ?? Environment.ProcessorCount, items.Count / MinItemsPerThread);
        if (workers <= 1)
        {
            var sequential = new List<TResult>(items.Count);
            foreach (var item in items) sequential.Add(f(item));
            return sequential;
        }

        var results = new TResult[items.Count];
        var errors = new ExceptionDispatchInfo?[items.Count];
        var done = new bool[items.Count];
        var next = 0;
        var failed = false;
        void Work()
        {
            while (!Volatile.Read(ref failed))
            {
                var start = Interlocked.Add(ref next, Chunk) - Chunk;
                if (start >= items.Count) return;
                for (var i = start; i < Math.Min(start + Chunk, items.Count); i++)
                {
                    try
                    {
                        results[i] = f(items[i]);
                        done[i] = true;
                    }
                    catch (Exception e)
                    {
                        errors[i] = ExceptionDispatchInfo.Capture(e);
                        Volatile.Write(ref failed, true);
                        return;
                    }
                }
            }
        }

        var helpers = new Thread[workers - 1];
        for (var t = 0; t < helpers.Length; t++)
        {
            helpers[t] = new Thread(Work, 1024 * 1024) { IsBackground = true, Name = "sshdoctor-check" };
            helpers[t].Start();
        }
        Work();
        foreach (var h in helpers) h.Join();
        if (Volatile.Read(ref failed))
        {
            // Workers stop at a failure, so an earlier item may be unjudged: go through the list in order, judging
            // what is missing, up to the first failure, and throw it (the sequential loop's exception).
            for (var i = 0; i < items.Count; i++)
            {
                errors[i]?.Throw();
                if (!done[i]) results[i] = f(items[i]);
            }
        }
        return [.. results];
    }
}
