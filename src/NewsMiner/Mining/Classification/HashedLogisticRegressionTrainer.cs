namespace NewsMiner.Mining.Classification;

/// <summary>
/// Training settings. <see cref="L2"/> is the weight of (1/2)·‖w‖² next to the mean log-loss; weak (rule-made) labels
/// count <see cref="WeakWeight"/> of a hand label.
/// </summary>
public sealed record LogisticRegressionOptions(
    double L2 = 1e-3,
    int MaxIterations = 400,
    double Tolerance = 1e-7,
    double WeakWeight = 0.5,
    int History = 8);

/// <summary>
/// Fits <see cref="HashedLogisticRegression"/> by full-batch L-BFGS on the regularised mean log-loss. Deterministic:
/// no randomness at all (weights start at zero, examples are summed in the order given, labels are sorted), so the same
/// data gives the same bytes. Labels are the distinct labels of the data, ordinal order.
/// </summary>
public sealed class HashedLogisticRegressionTrainer(MentionFeaturizer featurizer, LogisticRegressionOptions? options = null) : IMentionClassifierTrainer
{
    public LogisticRegressionOptions Options { get; } = options ?? new LogisticRegressionOptions();
    public MentionFeaturizer Featurizer { get; } = featurizer ?? throw new ArgumentNullException(nameof(featurizer));

    IMentionClassifier IMentionClassifierTrainer.Train(IReadOnlyList<LabelledMention> data) => Train(data);

    public HashedLogisticRegression Train(IReadOnlyList<LabelledMention> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var examples = data.Select(d => (Featurizer.Featurize(d.Context), d.Label, d.Weak ? Options.WeakWeight : 1.0)).ToList();
        return Train(examples);
    }

    /// <summary>Training on featurised examples (features, label, weight): what the toy-problem tests and benchmarks feed.</summary>
    public HashedLogisticRegression Train(IReadOnlyList<(SparseFeatures Features, string Label, double Weight)> examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var labels = examples.Select(e => e.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (labels.Length < 2) throw new ArgumentException("training data needs at least two different labels", nameof(examples));
        var labelIndex = labels.Select((l, i) => (l, i)).ToDictionary(t => t.l, t => t.i, StringComparer.Ordinal);

        // Compact the hashed space to the buckets that occur, so the optimiser works on a small dense vector.
        var buckets = examples.SelectMany(e => e.Features.Buckets).Distinct().Order().ToArray();
        var column = new Dictionary<int, int>(buckets.Length);
        for (var i = 0; i < buckets.Length; i++) column[buckets[i]] = i;
        var rows = new Row[examples.Count];
        var totalWeight = 0.0;
        for (var i = 0; i < examples.Count; i++)
        {
            var (f, label, weight) = examples[i];
            if (weight <= 0 || double.IsNaN(weight)) throw new ArgumentException($"example {i}: weight must be positive", nameof(examples));
            var idx = new int[f.Buckets.Length];
            var val = new double[f.Buckets.Length];
            for (var j = 0; j < idx.Length; j++) { idx[j] = column[f.Buckets[j]]; val[j] = f.Values[j]; }
            rows[i] = new Row(idx, val, labelIndex[label], weight);
            totalWeight += weight;
        }

        var objective = new SoftmaxObjective(rows, labels.Length, buckets.Length, totalWeight, Options.L2);
        var w = Lbfgs.Minimize(objective.Evaluate, buckets.Length * labels.Length, Options.History, Options.MaxIterations, Options.Tolerance);
        var weights = new float[w.Length];
        for (var i = 0; i < w.Length; i++) weights[i] = (float)w[i];
        return new HashedLogisticRegression(Featurizer, labels, buckets, weights);
    }

    private sealed record Row(int[] Columns, double[] Values, int Label, double Weight);

    private sealed class SoftmaxObjective(Row[] rows, int k, int features, double totalWeight, double l2)
    {
        private readonly double[] _z = new double[k];
        private readonly double[] _p = new double[k];

        public double Evaluate(double[] w, double[] grad)
        {
            Array.Clear(grad);
            var loss = 0.0;
            foreach (var row in rows)
            {
                Array.Clear(_z);
                for (var j = 0; j < row.Columns.Length; j++)
                {
                    var baseIndex = row.Columns[j] * k;
                    var v = row.Values[j];
                    for (var c = 0; c < k; c++) _z[c] += v * w[baseIndex + c];
                }
                HashedLogisticRegression.Softmax(_z, _p);
                var scale = row.Weight / totalWeight;
                loss -= scale * Math.Log(Math.Max(_p[row.Label], 1e-300));
                _p[row.Label] -= 1;
                for (var j = 0; j < row.Columns.Length; j++)
                {
                    var baseIndex = row.Columns[j] * k;
                    var v = row.Values[j] * scale;
                    for (var c = 0; c < k; c++) grad[baseIndex + c] += v * _p[c];
                }
            }
            var reg = 0.0;
            for (var i = 0; i < features * k; i++)
            {
                reg += w[i] * w[i];
                grad[i] += l2 * w[i];
            }
            return loss + 0.5 * l2 * reg;
        }
    }
}

/// <summary>Limited-memory BFGS with a backtracking (Armijo) line search; plain loops, so results are reproducible.</summary>
internal static class Lbfgs
{
    public delegate double Function(double[] x, double[] gradient);

    public static double[] Minimize(Function f, int n, int history, int maxIterations, double tolerance)
    {
        var x = new double[n];
        var g = new double[n];
        var fx = f(x, g);
        var s = new List<double[]>();
        var y = new List<double[]>();
        var rho = new List<double>();
        var d = new double[n];
        var xNew = new double[n];
        var gNew = new double[n];
        var alpha = new double[history];
        for (var iter = 0; iter < maxIterations; iter++)
        {
            var gNorm = Math.Sqrt(Dot(g, g));
            if (gNorm < 1e-10) break;
            // Two-loop recursion: d = -H·g.
            for (var i = 0; i < n; i++) d[i] = -g[i];
            for (var m = s.Count - 1; m >= 0; m--)
            {
                alpha[m] = rho[m] * Dot(s[m], d);
                Axpy(-alpha[m], y[m], d);
            }
            if (s.Count > 0)
            {
                var last = s.Count - 1;
                var gamma = Dot(s[last], y[last]) / Dot(y[last], y[last]);
                for (var i = 0; i < n; i++) d[i] *= gamma;
            }
            else
            {
                for (var i = 0; i < n; i++) d[i] /= gNorm;
            }
            for (var m = 0; m < s.Count; m++)
            {
                var beta = rho[m] * Dot(y[m], d);
                Axpy(alpha[m] - beta, s[m], d);
            }
            var slope = Dot(g, d);
            if (slope >= 0)
            {
                // Not a descent direction (curvature pairs went stale): restart from steepest descent.
                s.Clear(); y.Clear(); rho.Clear();
                for (var i = 0; i < n; i++) d[i] = -g[i] / gNorm;
                slope = Dot(g, d);
            }
            var step = 1.0;
            double fNew = 0;
            var accepted = false;
            for (var tries = 0; tries < 40; tries++)
            {
                for (var i = 0; i < n; i++) xNew[i] = x[i] + step * d[i];
                fNew = f(xNew, gNew);
                if (fNew <= fx + 1e-4 * step * slope) { accepted = true; break; }
                step *= 0.5;
            }
            if (!accepted) break;
            var sk = new double[n];
            var yk = new double[n];
            for (var i = 0; i < n; i++) { sk[i] = xNew[i] - x[i]; yk[i] = gNew[i] - g[i]; }
            var sy = Dot(sk, yk);
            if (sy > 1e-12)
            {
                if (s.Count == history) { s.RemoveAt(0); y.RemoveAt(0); rho.RemoveAt(0); }
                s.Add(sk); y.Add(yk); rho.Add(1 / sy);
            }
            Array.Copy(xNew, x, n);
            Array.Copy(gNew, g, n);
            var decrease = fx - fNew;
            fx = fNew;
            if (decrease <= tolerance * Math.Max(1, Math.Abs(fx))) break;
        }
        return x;
    }

    private static double Dot(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    private static void Axpy(double a, double[] x, double[] y)
    {
        for (var i = 0; i < x.Length; i++) y[i] += a * x[i];
    }
}
