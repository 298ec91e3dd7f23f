package io.fluxbatch;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A job database folder read and changed directly, as an operator or an older release
 * would.
 */
final class FolderDatabase {

	private FolderDatabase() {
	}

	/** The first column of every row {@code sql} returns, as text. */
	static List<String> query(Path folder, String sql) throws SQLException {
		try (Connection connection = connect(folder);
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			List<String> values = new ArrayList<>();
			while (result.next()) {
				values.add(result.getString(1));
			}
			return values;
		}
	}

	static void execute(Path folder, String sql) throws SQLException {
		try (Connection connection = connect(folder); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static Connection connect(Path folder) throws SQLException {
		return DriverManager.getConnection("jdbc:h2:file:" + folder.resolve("flux-batch"), "sa", "");
	}

}
