import { contractSdl } from '../contract/contractSdl';

contractSdl().then(
  (sdl) => process.stdout.write(sdl),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
