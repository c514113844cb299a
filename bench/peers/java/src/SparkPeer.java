import java.util.Properties;
import org.apache.spark.sql.SparkSession;

/**
 * Peer: Apache Spark in local mode, spark.read().jdbc(...).write().parquet(...).
 * Usage: SparkPeer jdbcUrl table out-dir zstd|none [fetch size=10000]
 */
public class SparkPeer {
    public static void main(String[] args) {
        SparkSession spark = SparkSession.builder().master("local[*]").appName("sluice-bench")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.parquet.compression.codec", args[3])
                .getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
        Properties p = new Properties();
        p.setProperty("driver", "com.mysql.cj.jdbc.Driver");
        // with useCursorFetch in the URL, or the driver buffers the whole result; rows in flight at once
        p.setProperty("fetchsize", args.length > 4 ? args[4] : "10000");
        spark.read().jdbc(args[0], args[1], p).write().mode("overwrite").parquet(args[2]);
        spark.stop();
    }
}
