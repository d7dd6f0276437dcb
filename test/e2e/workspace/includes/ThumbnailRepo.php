<?php

class ThumbnailRepo {
	private WANObjectCache $wanCache;

	public function __construct( WANObjectCache $wanCache ) {
		$this->wanCache = $wanCache;
	}

	public function thumbMetadataKey( string $name ) {
		return $this->wanCache->makeKey( 'thumb-metadata', $name );
	}
}
