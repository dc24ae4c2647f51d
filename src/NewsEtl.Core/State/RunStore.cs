using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using NewsEtl.Dedup;
using NewsEtl.Model;
using NewsEtl.Output;

namespace NewsEtl.State;

/// <summary>
/// The run store: an SQLite file that remembers every input by source and raw SHA-256, the record or rejection
/// it produced, and its dedup fingerprint, so a re-run skips what it has seen and outputs describe the whole corpus.
/// Writes are batched in transactions; an interrupted run keeps what it committed and the next run resumes.
/// </summary>
public sealed class RunStore : IDisposable
{
    private const int BatchSize = 64;
    private const int SchemaVersion = 3;
    private static readonly Dictionary<string, int> EmptyKinds = [];

    private readonly SqliteConnection _connection;
    private readonly Lock _gate = new();
    private SqliteTransaction? _transaction;
    private SqliteCommand? _insertRecord;
    private SqliteCommand? _find;
    private int _pending;
    private long _lastCommit = Environment.TickCount64;

    private RunStore(SqliteConnection connection)
    {
        _connection = connection;
    }

    public string Path { get; private init; } = string.Empty;

    /// <summary>Opens (creating if needed) the store at <paramref name="path"/>; ":memory:" keeps it in memory.</summary>
    public static RunStore Open(string path)
    {
        if (path != ":memory:")
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) ?? ".");
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        var store = new RunStore(connection) { Path = path };
        // Records are 100–200 KB: large pages keep their overflow chains short (a new file only; an existing one keeps its size).
        store.Execute("PRAGMA page_size=65536; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
        store.Execute($"""
            CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS runs (
                run INTEGER PRIMARY KEY AUTOINCREMENT, started_at TEXT NOT NULL, finished_at TEXT, options TEXT NOT NULL, counts TEXT);
            CREATE TABLE IF NOT EXISTS fetch_cache (url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT);
            CREATE TABLE IF NOT EXISTS inputs (
                source TEXT PRIMARY KEY, raw_sha256 TEXT, run INTEGER NOT NULL, seen_run INTEGER NOT NULL,
                record TEXT, repairs TEXT NOT NULL DEFAULT '', repair_kinds TEXT, content_hash TEXT, signature BLOB, shingles INTEGER, scheme TEXT,
                stage TEXT, reason TEXT, is_failure INTEGER NOT NULL DEFAULT 0{WrittenFormColumns});
            """);
        var version = store.Scalar("SELECT value FROM meta WHERE key = 'schema'");
        if (version is null)
        {
            store.Execute($"INSERT INTO meta (key, value) VALUES ('schema', '{SchemaVersion}')");
        }
        else if (version == "2")
        {
            // Schema 3 adds the written form of a record; rows saved under schema 2 keep NULL there and are written
            // from their record JSON as before.
            store.Execute("ALTER TABLE inputs ADD COLUMN " + WrittenFormColumns.TrimStart(',', ' ').Replace(", ", "; ALTER TABLE inputs ADD COLUMN ", StringComparison.Ordinal) + ";"
                + $"UPDATE meta SET value = '{SchemaVersion}' WHERE key = 'schema';");
        }
        else if (version != SchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException($"run store {path} has schema {version}; this version needs {SchemaVersion}: use a new --state file or --full with a fresh one.");
        }

        return store;
    }

    /// <summary>Whether any input is stored (a fresh store needs no look-ups).</summary>
    public bool HasInputs()
    {
        lock (_gate)
        {
            using var command = Command("SELECT EXISTS (SELECT 1 FROM inputs)");
            return (long)command.ExecuteScalar()! != 0;
        }
    }

    /// <summary>How many stored inputs hold a record (all runs).</summary>
    public int CountRecords()
    {
        lock (_gate)
        {
            using var command = Command("SELECT COUNT(*) FROM inputs WHERE record IS NOT NULL");
            return checked((int)(long)command.ExecuteScalar()!);
        }
    }

    public long BeginRun(string optionsJson, DateTimeOffset startedAt)
    {
        lock (_gate)
        {
            using var command = Command("INSERT INTO runs (started_at, options) VALUES ($at, $options); SELECT last_insert_rowid();");
            command.Parameters.AddWithValue("$at", startedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("$options", optionsJson);
            return (long)command.ExecuteScalar()!;
        }
    }

    public void FinishRun(long run, string countsJson, DateTimeOffset finishedAt)
    {
        lock (_gate)
        {
            Commit();
            using var command = Command("UPDATE runs SET finished_at = $at, counts = $counts WHERE run = $run");
            command.Parameters.AddWithValue("$at", finishedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("$counts", countsJson);
            command.Parameters.AddWithValue("$run", run);
            command.ExecuteNonQuery();
        }
    }

    /// <summary>The stored state of an input, or null when the store has never seen it.</summary>
    public StoredInputState? Find(string source)
    {
        lock (_gate)
        {
            _find ??= Prepared("SELECT raw_sha256, is_failure FROM inputs WHERE source = $source", "$source");
            _find.Transaction = CurrentTransaction();
            _find.Parameters[0].Value = source;
            using var reader = _find.ExecuteReader();
            return reader.Read() ? new StoredInputState(reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetInt64(1) != 0) : null;
        }
    }

    /// <summary>Notes that an unchanged input was seen in this run (so --prune keeps it).</summary>
    public void MarkSeen(long run, string source)
    {
        lock (_gate)
        {
            using var command = Command("UPDATE inputs SET seen_run = $run WHERE source = $source");
            command.Parameters.AddWithValue("$run", run);
            command.Parameters.AddWithValue("$source", source);
            Write(command);
        }
    }

    /// <param name="scheme">How the fingerprint was made (<see cref="NearDuplicateIndex.Scheme"/>); a later run with other dedup options recomputes it.</param>
    public void SaveRecord(long run, string source, ArticleRecord record, IReadOnlyList<RepairEntry> repairs, IndexedArticle? fingerprint, string scheme) =>
        SaveRecord(run, source, RecordRow.Create(record, repairs, fingerprint, scheme, new OutputOptions().CsvInjectionProtection));

    /// <summary>Saves a record serialized beforehand (<see cref="RecordRow.Create"/>), so the store's lock covers the insert alone.</summary>
    public void SaveRecord(long run, string source, RecordRow row)
    {
        lock (_gate)
        {
            _insertRecord ??= Prepared(
                """
                INSERT OR REPLACE INTO inputs (source, raw_sha256, run, seen_run, record, repairs, repair_kinds, content_hash, signature, shingles, scheme,
                    stage, reason, is_failure, record_id, extractor, flags, csv_head, csv_tail, csv_protected)
                VALUES ($source, $sha, $run, $run, $record, $repairs, $kinds, $hash, $signature, $shingles, $scheme,
                    NULL, NULL, 0, $id, $extractor, $flags, $csv_head, $csv_tail, $csv_protected)
                """,
                "$source", "$sha", "$run", "$record", "$repairs", "$kinds", "$hash", "$signature", "$shingles", "$scheme",
                "$id", "$extractor", "$flags", "$csv_head", "$csv_tail", "$csv_protected");
            var p = _insertRecord.Parameters;
            p[0].Value = source;
            p[1].Value = row.RawSha256;
            p[2].Value = run;
            p[3].Value = row.Json;
            p[4].Value = row.RepairsJsonl;
            p[5].Value = row.RepairKindsJson;
            p[6].Value = row.ContentHash;
            p[7].Value = (object?)row.Signature ?? DBNull.Value;
            p[8].Value = row.ShingleCount;
            p[9].Value = row.Scheme;
            p[10].Value = row.Id;
            p[11].Value = row.Extractor;
            p[12].Value = row.Flags;
            p[13].Value = row.Csv.Head;
            p[14].Value = row.Csv.Tail;
            p[15].Value = row.Csv.InjectionProtection ? 1 : 0;
            _insertRecord.Transaction = CurrentTransaction();
            Write(_insertRecord);
        }
    }

    public void SaveRejection(long run, Rejection rejection, string? rawSha256)
    {
        lock (_gate)
        {
            using var command = Command("""
                INSERT OR REPLACE INTO inputs (source, raw_sha256, run, seen_run, record, repairs, content_hash, signature, shingles, stage, reason, is_failure)
                VALUES ($source, $sha, $run, $run, NULL, '', NULL, NULL, NULL, $stage, $reason, $failure)
                """);
            command.Parameters.AddWithValue("$source", rejection.Source);
            command.Parameters.AddWithValue("$sha", (object?)rawSha256 ?? DBNull.Value);
            command.Parameters.AddWithValue("$run", run);
            command.Parameters.AddWithValue("$stage", rejection.Stage);
            command.Parameters.AddWithValue("$reason", rejection.Reason);
            command.Parameters.AddWithValue("$failure", rejection.IsFailure ? 1 : 0);
            Write(command);
        }
    }

    /// <summary>The ETag and Last-Modified date stored for a URL by an earlier fetch, or null.</summary>
    public (string? ETag, string? LastModified)? FetchValidators(string url)
    {
        lock (_gate)
        {
            using var command = Command("SELECT etag, last_modified FROM fetch_cache WHERE url = $url");
            command.Parameters.AddWithValue("$url", url);
            using var reader = command.ExecuteReader();
            return reader.Read() ? (reader.IsDBNull(0) ? null : reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)) : null;
        }
    }

    public void SaveFetchValidators(string url, string? etag, string? lastModified)
    {
        lock (_gate)
        {
            using var command = Command("INSERT OR REPLACE INTO fetch_cache (url, etag, last_modified) VALUES ($url, $etag, $modified)");
            command.Parameters.AddWithValue("$url", url);
            command.Parameters.AddWithValue("$etag", (object?)etag ?? DBNull.Value);
            command.Parameters.AddWithValue("$modified", (object?)lastModified ?? DBNull.Value);
            Write(command);
        }
    }

    /// <summary>Forgets inputs that were not seen in <paramref name="run"/> (their files are gone).</summary>
    public int Prune(long run)
    {
        lock (_gate)
        {
            Commit();
            using var command = Command("DELETE FROM inputs WHERE seen_run <> $run");
            command.Parameters.AddWithValue("$run", run);
            return command.ExecuteNonQuery();
        }
    }

    /// <summary>Every stored outcome in source order (all runs, or only <paramref name="onlyRun"/>), streamed.</summary>
    public IEnumerable<StoredOutcome> ReadAll(long? onlyRun = null)
    {
        Commit();
        using var command = Command(
            "SELECT source, raw_sha256, run, record, repairs, content_hash, signature, shingles, stage, reason, is_failure, repair_kinds, scheme, "
            + "record_id, extractor, flags, csv_head, csv_tail, csv_protected FROM inputs "
            + (onlyRun is null ? string.Empty : "WHERE run = $run ") + "ORDER BY source");
        if (onlyRun is { } r)
        {
            command.Parameters.AddWithValue("$run", r);
        }

        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var source = reader.GetString(0);
            var sha = reader.IsDBNull(1) ? null : reader.GetString(1);
            var run = reader.GetInt64(2);
            if (reader.IsDBNull(3))
            {
                var rejection = new Rejection(source, reader.GetString(8), reader.GetString(9), reader.GetInt64(10) != 0);
                yield return new StoredOutcome(source, sha, run, null, rejection);
                continue;
            }

            var json = Utf8(reader, 3);
            string id, extractor, flags;
            CsvRowHalves? csv = null;
            if (reader.IsDBNull(13))
            {
                // Saved under schema 2: the record JSON is all there is.
                var record = JsonSerializer.Deserialize<ArticleRecord>(json, Json.Lines)!;
                (id, extractor, flags) = (record.Id, record.Extractor, record.Flags);
            }
            else
            {
                (id, extractor, flags) = (reader.GetString(13), reader.GetString(14), reader.GetString(15));
                csv = new CsvRowHalves(Utf8(reader, 16), Utf8(reader, 17), reader.GetInt64(18) != 0);
            }

            var hash = reader.GetString(5);
            var fingerprint = reader.IsDBNull(6)
                ? new IndexedArticle(id, hash, [], 0)
                : new IndexedArticle(id, hash, MemoryMarshal.Cast<byte, uint>((byte[])reader.GetValue(6)).ToArray(), (int)reader.GetInt64(7));
            var kinds = reader.IsDBNull(11) ? EmptyKinds : JsonSerializer.Deserialize<Dictionary<string, int>>(reader.GetString(11), Json.Lines) ?? EmptyKinds;
            var scheme = reader.IsDBNull(12) ? null : reader.GetString(12);
            var article = new StoredArticle(id, extractor, flags, json, csv, Utf8(reader, 4), fingerprint, scheme, kinds);
            yield return new StoredOutcome(source, sha, run, article, null);
        }
    }

    /// <summary>Copies every input of another store into this one (later copies of a source win), for merging shards.</summary>
    public int ImportFrom(string otherPath, long run)
    {
        lock (_gate)
        {
            Commit();
            using (var attach = Command("ATTACH DATABASE $path AS other", transactional: false))
            {
                attach.Parameters.AddWithValue("$path", otherPath);
                attach.ExecuteNonQuery();
            }

            try
            {
                // A shard store of schema 2 lacks the written form; its rows copy without it.
                var written = HasColumn("other", "inputs", "csv_head") ? WrittenFormColumnNames : string.Empty;
                var scheme = HasColumn("other", "inputs", "scheme") ? ", scheme" : string.Empty;
                using var copy = Command($"""
                    INSERT OR REPLACE INTO inputs (source, raw_sha256, run, seen_run, record, repairs, repair_kinds, content_hash, signature, shingles, stage, reason, is_failure{scheme}{written})
                    SELECT source, raw_sha256, $run, $run, record, repairs, repair_kinds, content_hash, signature, shingles, stage, reason, is_failure{scheme}{written} FROM other.inputs
                    """);
                copy.Parameters.AddWithValue("$run", run);
                return copy.ExecuteNonQuery();
            }
            finally
            {
                Execute("DETACH DATABASE other");
            }
        }
    }

    /// <summary>Makes every write so far durable.</summary>
    public void Commit()
    {
        lock (_gate)
        {
            _transaction?.Commit();
            _transaction?.Dispose();
            _transaction = null;
            _pending = 0;
            _lastCommit = Environment.TickCount64;
        }
    }

    public void Dispose()
    {
        Commit();
        _insertRecord?.Dispose();
        _find?.Dispose();
        _connection.Dispose();
    }

    /// <summary>Columns of schema 3: the record's id, what the report counts, and its CSV row without duplicate_of.</summary>
    private const string WrittenFormColumns = ", record_id TEXT, extractor TEXT, flags TEXT, csv_head TEXT, csv_tail TEXT, csv_protected INTEGER";

    private const string WrittenFormColumnNames = ", record_id, extractor, flags, csv_head, csv_tail, csv_protected";

    /// <summary>A command kept for the store's lifetime, its parameters in the order given; its transaction is set per use.</summary>
    private SqliteCommand Prepared(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }

    /// <summary>A text column's UTF-8 bytes: stored as a blob since schema 3 (written by the workers as bytes), as text before.</summary>
    private static byte[] Utf8(SqliteDataReader reader, int ordinal) => reader.GetValue(ordinal) switch
    {
        byte[] bytes => bytes,
        string text => System.Text.Encoding.UTF8.GetBytes(text),
        _ => [],
    };

    private SqliteTransaction CurrentTransaction() => _transaction ??= _connection.BeginTransaction();

    private bool HasColumn(string schema, string table, string column)
    {
        using var command = Command($"SELECT 1 FROM pragma_table_info('{table}', '{schema}') WHERE name = $column", transactional: false);
        command.Parameters.AddWithValue("$column", column);
        return command.ExecuteScalar() is not null;
    }

    private void Write(SqliteCommand command)
    {
        command.ExecuteNonQuery();
        // A batch ends after BatchSize writes or a second, whichever comes first, so a killed run loses little.
        if (++_pending >= BatchSize || Environment.TickCount64 - _lastCommit > 1000)
        {
            Commit();
        }
    }

    /// <summary>A command in the current write batch, or outside any transaction (ATTACH, PRAGMA and DDL).</summary>
    private SqliteCommand Command(string sql, bool transactional = true)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        if (transactional)
        {
            _transaction ??= _connection.BeginTransaction();
            command.Transaction = _transaction;
        }

        return command;
    }

    private void Execute(string sql)
    {
        Commit();
        using var command = Command(sql, transactional: false);
        command.ExecuteNonQuery();
    }

    private string? Scalar(string sql)
    {
        using var command = Command(sql);
        return command.ExecuteScalar() as string;
    }
}
