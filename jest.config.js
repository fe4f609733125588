// `npm test` runs every project's suites in one jest process (one infrastructure resolution).
module.exports = {
  projects: ['<rootDir>/libs/*/jest.config.js', '<rootDir>/services/*/jest.config.js'],
};
